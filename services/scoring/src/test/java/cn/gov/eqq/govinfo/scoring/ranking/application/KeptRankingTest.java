package cn.gov.eqq.govinfo.scoring.ranking.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScores;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;

import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka.Translated;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * A ranking read is answered from the key's last snapshot while no fact has marked the key since, and computed from
 * the ledger while it is marked: the kept answer is always the one a computation would give.
 */
class KeptRankingTest {

    private final InMemoryStores.Items items = new InMemoryStores.Items();
    private final InMemoryStores.Units units = new InMemoryStores.Units();
    private final InMemoryStores.Snapshots snapshots = new InMemoryStores.Snapshots();
    private final Clock december = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneOffset.UTC);
    private final Policies policies = new Policies(new InMemoryStores.PolicyVersions(), new InMemoryStores.Circulars(),
            december, PolicyJson.shipped(), new EventCodec(), mock(OutboxRelay.class));
    private final EventIngestion ingestion = new EventIngestion(items, units, snapshots, policies,
            new ItemScores(new EventCodec(), december, mock(OutboxRelay.class)));
    private final ScoreQueries queries = new ScoreQueries(items, units, policies, snapshots, new EventCodec());
    private final SnapshotPublisher publisher = new SnapshotPublisher(snapshots, queries, new EventCodec(),
            mock(OutboxRelay.class), december, Duration.ZERO, Duration.ofMinutes(10));
    private final ReportingPeriod july = ReportingPeriod.month(2026, 7);

    @Test
    void aKeyNeverPublishedHasNoKeptRanking() {
        unit("U006", 2);
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U006", "2026-07-10T09:00")));

        assertThat(queries.keptRanking(2, july)).isEmpty();
    }

    @Test
    void aPublishedKeyAnswersWithItsSnapshotWhichEqualsTheComputedRanking() {
        unit("U006", 2);
        unit("U007", 2);
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U006", "2026-07-10T09:00")));
        publishAll();

        RankingSnapshotPublished kept = queries.keptRanking(2, july).orElseThrow();

        RankingSnapshotPublished computed = SnapshotPublisher.toSnapshot(queries.ranking(2, july),
                kept.snapshotVersion(), kept.computedAt());
        assertThat(kept).isEqualTo(computed);
        assertThat(kept.rows()).extracting(r -> r.unitId() + ":" + r.rank() + ":" + r.receivedItems())
                .containsExactly("U006:1:1", "U007:2:0");
    }

    @Test
    void aNewFactMarksTheKeySoTheReadIsComputedUntilTheNextSnapshotKeepsTheNewFigures() {
        unit("U006", 2);
        unit("U007", 2);
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U006", "2026-07-10T09:00")));
        publishAll();
        long before = queries.keptRanking(2, july).orElseThrow().snapshotVersion();

        ingestion.apply(Translated.one(RankedEvents.received("I2", "U007", "2026-07-11T09:00")));
        ingestion.apply(Translated.one(RankedEvents.received("I3", "U007", "2026-07-12T09:00")));

        assertThat(queries.keptRanking(2, july)).as("marked: not answered from the old snapshot").isEmpty();
        assertThat(queries.keptRanking(2, ReportingPeriod.parse("2026-Q3"))).as("its quarter too").isEmpty();
        assertThat(queries.keptRanking(2, ReportingPeriod.year(2026))).as("and its year").isEmpty();

        publishAll();
        RankingSnapshotPublished kept = queries.keptRanking(2, july).orElseThrow();
        assertThat(kept.snapshotVersion()).isEqualTo(before + 1);
        assertThat(kept.rows()).extracting(r -> r.unitId() + ":" + r.rank() + ":" + r.receivedItems())
                .containsExactly("U007:1:2", "U006:2:1");
    }

    @Test
    void aUnitMovedBackIntoJulyMarksJulySoTheKeptRankingIsNotServed() {
        unit("U006", 2);
        unit("U007", 2);
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U006", "2026-07-10T09:00")));
        publishAll();
        assertThat(queries.keptRanking(2, july).orElseThrow().rows()).hasSize(2);

        // U007 moves to group 3 from July (back-dated): July of group 2 loses it
        ingestion.apply(Translated.one(EventEnvelope.wrap(new UnitChanged("U007", "单位U007", 3, true,
                Instant.parse("2026-12-01T00:00:00Z"), List.of(new UnitChanged.Membership(2, "2022-07", "2026-07"),
                new UnitChanged.Membership(3, "2026-07", null))), "submission-intake", Instant.now())));

        assertThat(queries.keptRanking(2, july)).isEmpty();
        publishAll();
        assertThat(queries.keptRanking(2, july).orElseThrow().rows()).extracting(r -> r.unitId())
                .containsExactly("U006");
    }

    private void publishAll() {
        while (publisher.publishDue() > 0) {
            // until nothing is due
        }
    }

    private void unit(String id, int group) {
        ingestion.apply(Translated.one(RankedEvents.unit(id, group)));
    }
}
