package cn.gov.eqq.govinfo.scoring.ranking.application;

import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka.Translated;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScores;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * An import of earlier months and a live item of the running month arrive together (the last day of a month): the
 * running month's ranking has a lane of its own, published also while the other lane rests after the import's large
 * pass.
 */
class RunningMonthFirstTest {

    private final InMemoryStores.Items items = new InMemoryStores.Items();
    private final InMemoryStores.Units units = new InMemoryStores.Units();
    private final InMemoryStores.Snapshots snapshots = new InMemoryStores.Snapshots();
    private final Clock december = Clock.fixed(Instant.parse("2026-12-31T08:00:00Z"), ZoneOffset.UTC);
    private final Policies policies = new Policies(new InMemoryStores.PolicyVersions(), new InMemoryStores.Circulars(),
            december, PolicyJson.shipped(), new EventCodec(), mock(OutboxRelay.class));
    private final EventIngestion ingestion = new EventIngestion(items, units, snapshots, policies,
            new ItemScores(new EventCodec(), december, mock(OutboxRelay.class)));
    private final SnapshotPublisher publisher = new SnapshotPublisher(snapshots,
            new ScoreQueries(items, units, policies, snapshots, new EventCodec()), new EventCodec(),
            mock(OutboxRelay.class), december, Duration.ZERO, Duration.ofMinutes(10));

    @Test
    void whileTheOtherLaneRestsAfterALongPassTheRunningMonthIsStillPublished() {
        unit("U001", 1);
        publisher.tick(); // the ended month and the year's never-published keys, as after any start
        while (publisher.publishDue() > 0) {
            // until nothing is due
        }
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U001", "2026-07-10T09:00"))); // imported
        ingestion.apply(Translated.one(RankedEvents.received("I2", "U001", "2026-12-31T15:00"))); // live

        publisher.restAsAfter(Duration.ofMinutes(1));
        publisher.tick();
        publisher.tickRunningMonth();

        assertThat(snapshots.dirtyIds()).as("July, its quarter and the year wait for the rest to end")
                .containsExactlyInAnyOrder("2026-07|1", "2026-Q3|1", "2026-Q4|1", "2026|1");
        assertThat(received("2026-12|1")).isEqualTo(1);
    }

    @Test
    void eachLanePublishesItsOwnKeys() {
        unit("U001", 1);
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U001", "2026-07-10T09:00")));
        ingestion.apply(Translated.one(RankedEvents.received("I2", "U001", "2026-12-31T15:00")));

        publisher.tick();

        assertThat(snapshots.dirtyIds()).as("the running month is left to its own lane")
                .contains("2026-12|1").doesNotContain("2026-07|1", "2026-Q3|1", "2026-Q4|1", "2026|1");

        publisher.tickRunningMonth();

        assertThat(snapshots.dirtyIds()).doesNotContain("2026-12|1");
        assertThat(received("2026-12|1")).isEqualTo(1);
    }

    private int received(String id) {
        var snapshot = (cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished) new EventCodec().decode(
                snapshots.byId.get(id).outbox().get(snapshots.byId.get(id).outbox().size() - 1).json()).payload();
        return snapshot.rows().get(0).receivedItems();
    }

    private void unit(String id, int group) {
        ingestion.apply(Translated.one(RankedEvents.unit(id, group)));
    }
}
