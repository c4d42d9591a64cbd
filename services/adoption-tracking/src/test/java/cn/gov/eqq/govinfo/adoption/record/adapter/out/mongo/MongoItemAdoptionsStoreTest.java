package cn.gov.eqq.govinfo.adoption.record.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore.ConcurrentChange;
import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore.Loaded;
import cn.gov.eqq.govinfo.adoption.record.application.ItemFactsUpdating;
import cn.gov.eqq.govinfo.adoption.record.application.UpdateItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFactChange;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionKind;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.ChangeType;
import cn.gov.eqq.govinfo.adoption.record.domain.FollowUpRequest;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordOrigin;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordVersion;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The item document against the Mongo test server: mapping, the version guard, the appended outbox, the queries. */
@DataMongoTest
@Import({MongoItemAdoptionsStore.class, MongoItemAdoptionsStoreTest.Codec.class})
class MongoItemAdoptionsStoreTest {

    static class Codec {
        @Bean
        EventCodec eventCodec() {
            return new EventCodec();
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("adoption-store-test"));
    }

    @Autowired
    ItemAdoptionsStore store;
    @Autowired
    MongoTemplate mongo;
    @MockitoBean
    OutboxRelay relay;

    private static final Instant AT = Instant.parse("2026-11-28T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private String newItem(String unitId, String title) {
        String id = "I-" + UUID.randomUUID();
        Loaded fresh = Loaded.fresh(id);
        fresh.item().updateFacts(new ItemFacts(unitId, title, true, false, false, false));
        store.save(fresh, List.of("evt-1"), List.of());
        return id;
    }

    @Test
    void aFactFromIntakeIsStoredThoughItPublishesNothing() {
        String id = "I-" + UUID.randomUUID();
        UpdateItemFacts received = new UpdateItemFacts("evt-received", id,
                new ItemFactChange.Received("U006", "我旗推进重点项目", true));

        assertThat(new ItemFactsUpdating(store, java.time.Clock.system(BeijingTime.ZONE)).apply(received)).isTrue();

        Loaded stored = store.load(id).orElseThrow();
        assertThat(stored.item().facts().received()).isTrue();
        assertThat(stored.item().facts().majorEmergency()).isTrue();
        assertThat(stored.appliedEventIds()).containsExactly("evt-received");
        Document doc = mongo.findById(id, Document.class, "items");
        assertThat(doc.getList("outbox", Document.class, List.of())).isEmpty();
    }

    @Test
    void itemComesBackWithEveryVersionFollowUpAndFacts() {
        String id = newItem("U006", "我旗重点项目建设提速");
        Loaded loaded = store.load(id).orElseThrow();
        ItemAdoptions item = loaded.item();
        item.record("r1", new RecordContent(AdoptionKind.CITY_LEADER_INSTRUCTION, null, null,
                LocalDate.of(2026, 11, 1), "王副市长", "请总结推广",
                new FollowUpRequest("报送经验", LocalDate.of(2026, 11, 20))), "room", AT, TODAY);
        item.correct("r1", new RecordContent(AdoptionKind.REGION_LEADER_INSTRUCTION, null, null,
                LocalDate.of(2026, 11, 2), "某副主席", "请总结推广",
                new FollowUpRequest("报送经验", LocalDate.of(2026, 11, 20))), "级别录错", "room", AT, TODAY);
        store.save(loaded, loaded.appliedEventIds(), List.of());

        Loaded again = store.load(id).orElseThrow();

        assertThat(again.version()).isEqualTo(1);
        assertThat(again.appliedEventIds()).containsExactly("evt-1");
        assertThat(again.item().facts()).isEqualTo(item.facts());
        assertThat(again.item().records()).isEqualTo(item.records());
        verify(relay, never()).kick();
    }

    @Test
    void staleWriteIsRefused() {
        String id = newItem("U006", "标题");
        Loaded first = store.load(id).orElseThrow();
        Loaded second = store.load(id).orElseThrow();
        store.save(first, List.of(), List.of());

        assertThatThrownBy(() -> store.save(second, List.of(), List.of())).isInstanceOf(ConcurrentChange.class);
        assertThatThrownBy(() -> store.save(Loaded.fresh(id), List.of(), List.of()))
                .isInstanceOf(ConcurrentChange.class);
    }

    @Test
    void eventsAreAppendedSoWhatTheRelayRemovedStaysRemoved() {
        String id = newItem("U006", "标题");
        Loaded loaded = store.load(id).orElseThrow();
        store.save(loaded, List.of(), List.of(event(id, "第一次")));
        verify(relay, atLeastOnce()).kick();
        String firstEventId = outboxEventIds(id).get(0);

        Loaded next = store.load(id).orElseThrow();
        // the relay publishes and removes the first entry between our read and our write
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                new Update().pull("outbox", new Document("eventId", firstEventId)), "items");
        EventEnvelope<?> second = event(id, "第二次");
        store.save(next, List.of(), List.of(second));

        assertThat(outboxEventIds(id)).containsExactly(second.eventId());
        Document entry = mongo.findById(id, Document.class, "items").getList("outbox", Document.class).get(0);
        assertThat(entry.getString("topic")).isEqualTo("adoption.record-events.v1");
        assertThat(entry.getString("key")).isEqualTo(id);
        assertThat(new EventCodec().decode(entry.getString("json")).eventId()).isEqualTo(second.eventId());
    }

    @Test
    void overdueUnitAndTitleQueriesFindTheRightItems() {
        String a = newItem("U701", "甲");
        String b = newItem("U701", "乙");
        String c = newItem("U702", "甲");
        withInstruction(a, LocalDate.of(2026, 11, 10));
        withInstruction(c, LocalDate.of(2026, 11, 30));

        assertThat(store.withOpenFollowUpDueBefore(LocalDate.of(2026, 11, 28)))
                .extracting(ItemAdoptions::itemId).contains(a).doesNotContain(b, c);
        assertThat(store.withOpenFollowUpDueBefore(LocalDate.of(2026, 12, 1)))
                .extracting(ItemAdoptions::itemId).contains(a, c);
        assertThat(store.withRecordsOfUnit("U701")).extracting(ItemAdoptions::itemId).containsExactly(a);
        assertThat(store.itemIdsOf("U701", "甲")).containsExactly(a);
        assertThat(store.itemIdsOf("U702", "甲")).containsExactly(c);
    }

    private void withInstruction(String id, LocalDate due) {
        Loaded loaded = store.load(id).orElseThrow();
        loaded.item().record("r-" + id, new RecordContent(AdoptionKind.CITY_LEADER_INSTRUCTION, null, null,
                LocalDate.of(2026, 11, 1), "王副市长", "请落实", new FollowUpRequest("落实", due)), "room", AT, TODAY);
        store.save(loaded, loaded.appliedEventIds(), List.of());
    }

    private List<String> outboxEventIds(String id) {
        return mongo.findById(id, Document.class, "items").getList("outbox", Document.class).stream()
                .map(d -> d.getString("eventId")).toList();
    }

    private static EventEnvelope<?> event(String itemId, String reason) {
        return EventEnvelope.wrap(new AdoptionWithdrawn("r", itemId, reason, "room", AT), "adoption-tracking", AT);
    }

    @Test
    void documentWrittenBeforeWaitingImportsAndCombinedPositionsWereKeptStillReads() {
        String id = "I-" + UUID.randomUUID();
        RecordContent bulletin = new RecordContent(AdoptionKind.CITY_BULLETIN_ADOPTED, null, "2025年第3期",
                LocalDate.of(2025, 2, 20), null, null, null);
        // a source of a combined adoption stored under the former lead-only setting: not credited, never published
        AdoptionRecord legacy = new AdoptionRecord("CMB-old.2", id, RecordOrigin.COMBINED, "CMB-old", null, false,
                null, List.of(new RecordVersion(1, ChangeType.RECORDED, bulletin, null, "room-editor", AT)),
                List.of(), null);
        store.save(new Loaded(new ItemAdoptions(id, new ItemFacts("U006", "旧标题", true, false, false, false),
                List.of(legacy)), -1, List.of()), List.of(), List.of());
        // the fields the previous version did not write
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                new Update().unset("waitingImports").unset("records.0.combinedPosition"),
                MongoItemAdoptionsStore.COLLECTION);
        Document raw = mongo.findById(id, Document.class, MongoItemAdoptionsStore.COLLECTION);
        assertThat(raw).doesNotContainKey("waitingImports");
        assertThat(raw.getList("records", Document.class).get(0)).doesNotContainKey("combinedPosition");

        ItemAdoptions item = store.load(id).orElseThrow().item();

        assertThat(item.waitingImports()).isEmpty();
        assertThat(item.records()).singleElement().satisfies(r -> {
            assertThat(r.credited()).isFalse();
            assertThat(r.combinedPosition()).isNull();
            assertThat(r.content()).isEqualTo(bulletin);
        });
    }
}
