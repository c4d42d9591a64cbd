package cn.gov.eqq.govinfo.scoring.policy.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyStore;
import cn.gov.eqq.govinfo.scoring.rules.domain.PublishedCircular;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy feature's Mongo adapters against the test server: policy versions and published circulars. */
class MongoPolicyStoresTest {

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("scoring-policy-stores-" + UUID.randomUUID())));
    @Test
    void addedPolicyVersionReadsBackEqualWithItsFactInTheOutboxAndAwaitsRescoring() {
        MongoPolicyStore store = new MongoPolicyStore(mongo);
        Instant at = Instant.parse("2026-03-12T02:00:00Z");
        OutboxEntry fact = new OutboxEntry("e1", "scoring.policy-events.v1", "2022-07-06", "{}", at);

        assertThat(store.insert(PolicyJson.shipped(), "admin", at, fact)).isTrue();
        assertThat(store.insert(PolicyJson.shipped(), "admin", at, fact)).isFalse();

        assertThat(store.all()).containsExactly(PolicyJson.shipped());
        Document doc = mongo.findById("2022-07-06", Document.class, MongoPolicyStore.COLLECTION);
        assertThat(doc.getList("outbox", Document.class)).singleElement()
                .satisfies(d -> assertThat(d.getString("topic")).isEqualTo("scoring.policy-events.v1"));
        assertThat(store.awaitingRescore())
                .containsExactly(new PolicyStore.AwaitingRescore("2022-07-06", LocalDate.of(2022, 7, 6)));
        store.rescored(List.of("2022-07-06"), at.plusSeconds(2));
        assertThat(store.awaitingRescore()).isEmpty();
    }

    @Test
    void theShippedVersionIsAnnouncedOnceAndIsNeverListedAsAddedNorAwaitsRescoring() {
        MongoPolicyStore store = new MongoPolicyStore(mongo);
        Instant at = Instant.parse("2026-03-12T02:00:00Z");
        OutboxEntry fact = new OutboxEntry("e1", "scoring.policy-events.v1", "2022-07-06", "{}", at);

        assertThat(store.announceShipped(PolicyJson.shipped(), "system", at, fact)).isTrue();
        assertThat(store.announceShipped(PolicyJson.shipped(), "system", at.plusSeconds(60), fact)).isFalse();

        assertThat(store.all()).isEmpty();
        assertThat(store.awaitingRescore()).isEmpty();
        Document doc = mongo.findById("2022-07-06", Document.class, MongoPolicyStore.COLLECTION);
        assertThat(doc.getBoolean("shipped")).isTrue();
        assertThat(doc.getList("outbox", Document.class)).singleElement()
                .satisfies(d -> assertThat(d.getString("eventId")).isEqualTo("e1"));
    }

    @Test
    void versionRestoredFromTheLogIsStoredOnceWithoutAnOutbox() {
        MongoPolicyStore store = new MongoPolicyStore(mongo);

        assertThat(store.restore(PolicyJson.shipped(), "admin", Instant.parse("2026-03-12T02:00:00Z"))).isTrue();
        assertThat(store.restore(PolicyJson.shipped(), "admin", Instant.parse("2026-03-12T02:00:00Z"))).isFalse();

        assertThat(store.all()).containsExactly(PolicyJson.shipped());
        assertThat(mongo.findById("2022-07-06", Document.class, MongoPolicyStore.COLLECTION).get("outbox")).isNull();
        assertThat(store.awaitingRescore()).isEmpty();
    }

    @Test
    void publishedCircularKeepsItsLatestVersionsTitleAndNumber() {
        MongoCircularStore store = new MongoCircularStore(mongo);
        PublishedCircular v1 = new PublishedCircular("QUARTERLY-2026-Q3", ReportingPeriod.quarter(2026, 3), "三季度通报", "7号");
        PublishedCircular v2 = new PublishedCircular("QUARTERLY-2026-Q3", ReportingPeriod.quarter(2026, 3), "三季度通报（更正）", "9号");

        store.published(v1, 1);
        store.published(v2, 2);
        store.published(v1, 1); // redelivered late

        assertThat(store.all()).containsExactly(v2);
    }
}
