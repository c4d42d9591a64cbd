package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.LiveIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScores;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The listener translates each record of a poll into scoring's terms and hands the batch to the use case; a record
 * that cannot be translated or decoded is named by its index after the records before it are applied.
 */
class ScoringEventsListenerTest {

    private final EventCodec codec = new EventCodec();
    private final Clock october = Clock.fixed(Instant.parse("2026-10-10T02:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStores.Items items = new InMemoryStores.Items();
    private final InMemoryStores.Units units = new InMemoryStores.Units();
    private final Policies policies = new Policies(new InMemoryStores.PolicyVersions(),
            new InMemoryStores.Circulars(), october, PolicyJson.shipped(), codec, Mockito.mock(OutboxRelay.class));
    private final ScoringEventsListener listener = new ScoringEventsListener(codec, new LiveIngestion(
            new EventIngestion(items, units, new InMemoryStores.Snapshots(), policies,
                    new ItemScores(codec, october, Mockito.mock(OutboxRelay.class))),
            new InMemoryStores.Generations(), items, units));

    @Test
    void aBatchOfUnitsItemsAndEventsThatChangeNoScoreIsAppliedInItsOrder() {
        listener.on(records(unit("U006"), received("I1"), submitted("I2"), received("I2")));

        assertThat(units.findAll(List.of("U006"))).containsOnlyKeys("U006");
        assertThat(items.byId).containsOnlyKeys("I1", "I2");
        assertThat(items.byId.get("I1").entries()).singleElement()
                .satisfies(e -> assertThat(e.unitId()).isEqualTo("U006"));
    }

    @Test
    void anEventThatCannotBeScoredIsNamedByItsIndexAndTheEventsBeforeItAreApplied() {
        EventEnvelope<AdoptionRecorded> undated = EventEnvelope.wrap(new AdoptionRecorded("R9", "I1", "U006",
                "CITY_BULLETIN_ADOPTED", null, null, null, null, null, null, "room", Instant.now()),
                "adoption-tracking", Instant.now());

        assertThatThrownBy(() -> listener.on(records(unit("U006"), received("I1"), submitted("I3"), undated,
                received("I2"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).as("the event that changes no score keeps its place").isEqualTo(3);
                    assertThat(e.getCause()).isInstanceOf(EventDecodingException.class);
                });
        assertThat(items.byId).containsOnlyKeys("I1");
    }

    @Test
    void aRecordThatIsNoEventIsNamedByItsIndexAndTheEventsBeforeItAreApplied() {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records(unit("U006"), received("I1")));
        batch.add(new ConsumerRecord<>(Topics.ITEMS, 0, 2, "I2", "{\"not\":\"a cloud event\"}"));
        batch.add(records(received("I2")).get(0));

        assertThatThrownBy(() -> listener.on(batch))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(EventDecodingException.class);
                });
        assertThat(items.byId).containsOnlyKeys("I1");
    }

    private List<ConsumerRecord<String, String>> records(EventEnvelope<?>... envelopes) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        for (int i = 0; i < envelopes.length; i++) {
            out.add(new ConsumerRecord<>(Topics.ITEMS, 0, i, envelopes[i].key(), codec.encode(envelopes[i])));
        }
        return out;
    }

    private static EventEnvelope<UnitChanged> unit(String id) {
        return EventEnvelope.wrap(new UnitChanged(id, "单位" + id, 2, true, Instant.parse("2026-01-01T00:00:00Z")),
                "submission-intake", Instant.now());
    }

    private static EventEnvelope<ItemReceived> received(String item) {
        Instant t = LocalDateTime.parse("2026-07-10T09:00").atZone(BeijingTime.ZONE).toInstant();
        return EventEnvelope.wrap(new ItemReceived(item, "U006", 1, "标题" + item, "DYNAMIC", List.of(), false,
                "GOOD_NEWS", LocalDate.of(2026, 7, 1), t, t.plusSeconds(3600), "room", null), "submission-intake",
                Instant.now());
    }

    private static EventEnvelope<ItemSubmitted> submitted(String item) {
        return EventEnvelope.wrap(new ItemSubmitted(item, "U006", 1, "标题" + item, "DYNAMIC",
                Instant.parse("2026-07-10T01:00:00Z"), null), "submission-intake", Instant.now());
    }
}
