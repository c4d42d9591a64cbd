package cn.gov.eqq.govinfo.scoring.ranking.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScores;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;

import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
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
 * Every (group, period) that scoring ranks reaches the ranking topic, whatever the order in which scoring learns of
 * units, items and the turn of the month: the ended month is not taken as handled before any unit is known, and a
 * group with no event of its own in a period is published with the period's other groups.
 */
class EveryGroupAndPeriodPublishedTest {

    private final InMemoryStores.Items items = new InMemoryStores.Items();
    private final InMemoryStores.Units units = new InMemoryStores.Units();
    private final InMemoryStores.Snapshots snapshots = new InMemoryStores.Snapshots();
    private final Clock december = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneOffset.UTC);
    private final Policies policies = new Policies(new InMemoryStores.PolicyVersions(), new InMemoryStores.Circulars(), december,
            PolicyJson.shipped(), new EventCodec(), mock(OutboxRelay.class));
    private final EventIngestion ingestion = new EventIngestion(items, units, snapshots, policies,
            new ItemScores(new EventCodec(), december, mock(OutboxRelay.class)));
    private final ScoreQueries queries = new ScoreQueries(items, units, policies, snapshots, new EventCodec());
    private final EventCodec codec = new EventCodec();
    private final SnapshotPublisher publisher = new SnapshotPublisher(snapshots, queries, codec,
            mock(OutboxRelay.class), december,
            Duration.ZERO, Duration.ofMinutes(10));

    @Test
    void theEndedMonthIsMarkedOnceTheFirstUnitIsKnownNotBefore() {
        publisher.markEndedMonth();
        assertThat(snapshots.dirtyIds()).as("no unit known yet: nothing to mark").isEmpty();

        unit("U001", 1);
        unit("U006", 2);
        publisher.markEndedMonth();

        assertThat(snapshots.dirtyIds()).containsExactly("2026-11|1", "2026-11|2", "2026-Q4|1", "2026-Q4|2",
                "2026|1", "2026|2");
        assertThat(publisher.publishDue()).isEqualTo(6);
        assertThat(publisher.publishDue()).as("then 2026's other periods, in both groups")
                .isEqualTo(2 * (12 + 4 + 1) - 6);
        publisher.markEndedMonth();
        assertThat(snapshots.dirtyIds()).as("the month is handled once").isEmpty();
    }

    @Test
    void aGroupWithoutEventsOfItsOwnInAPeriodIsPublishedWithTheOtherGroups() {
        unit("U001", 1);
        unit("U006", 2);
        // an import of July: items of group 2 only
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U006", "2026-07-10T09:00")));
        ingestion.apply(Translated.one(RankedEvents.received("I2", "U006", "2026-07-11T09:00")));

        assertThat(publisher.publishDue()).as("group 2's month, quarter and year").isEqualTo(3);
        assertThat(publisher.publishDue()).as("then every other period of 2026 up to December, in both groups")
                .isEqualTo(2 * (12 + 4 + 1) - 3);
        assertThat(publisher.publishDue()).isZero();

        RankingSnapshotPublished july1 = (RankingSnapshotPublished) codec.decode(
                snapshots.byId.get("2026-07|1").outbox().get(0).json()).payload();
        assertThat(july1.group()).isEqualTo(1);
        assertThat(july1.period()).isEqualTo("2026-07");
        assertThat(july1.rows()).singleElement().satisfies(r -> {
            assertThat(r.unitId()).isEqualTo("U001");
            assertThat(r.receivedItems()).isZero();
        });
        assertThat(snapshots.versionOf(new SnapshotStore.Key(ReportingPeriod.month(2026, 7), 2))).isEqualTo(1);
        assertThat(snapshots.versionOf(new SnapshotStore.Key(ReportingPeriod.parse("2026-Q3"), 1))).isEqualTo(1);
    }

    @Test
    void everyPeriodOfAnImportedYearIsPublishedThoughMostMonthsHaveOnlyDeductions() {
        unit("U001", 1);
        unit("U006", 2);
        unit("U020", 3);
        // an imported past year: items in March and October only; the other ten months hold nothing but shortfalls
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U006", "2025-03-10T09:00")));
        ingestion.apply(Translated.one(RankedEvents.received("I2", "U001", "2025-10-11T09:00")));

        int published = 0;
        for (int pass = publisher.publishDue(); pass > 0; pass = publisher.publishDue()) {
            published += pass;
        }

        assertThat(published).as("3 groups × (12 months + 4 quarters + the year)").isEqualTo(3 * 17);
        for (ReportingPeriod month : ReportingPeriod.year(2025).months()) {
            for (int group = 1; group <= 3; group++) {
                assertThat(snapshots.versionOf(new SnapshotStore.Key(month, group))).as(month + " group " + group)
                        .isEqualTo(1);
            }
        }
        RankingSnapshotPublished june3 = (RankingSnapshotPublished) codec.decode(
                snapshots.byId.get("2025-06|3").outbox().get(0).json()).payload();
        assertThat(june3.rows()).singleElement().satisfies(r -> {
            assertThat(r.unitId()).isEqualTo("U020");
            assertThat(r.receivedItems()).isZero();
            assertThat(r.shortfall()).isEqualTo(r.quota());
            assertThat(r.deductionPoints()).isNegative();
        });
        assertThat(snapshots.versionOf(new SnapshotStore.Key(ReportingPeriod.month(2026, 1), 1)))
                .as("another year without events of its own is not touched").isZero();
    }

    @Test
    void monthsThatHaveNotBegunAreNotPublished() {
        unit("U001", 1);
        ingestion.apply(Translated.one(RankedEvents.received("I1", "U001", "2026-07-10T09:00")));

        while (publisher.publishDue() > 0) {
            // until nothing is due
        }

        assertThat(snapshots.versionOf(new SnapshotStore.Key(ReportingPeriod.month(2026, 12), 1))).as("the running month")
                .isEqualTo(1);
        assertThat(snapshots.byId.keySet()).allSatisfy(id -> assertThat(id).startsWith("2026"));
    }

    private void unit(String id, int group) {
        ingestion.apply(Translated.one(RankedEvents.unit(id, group)));
    }
}
