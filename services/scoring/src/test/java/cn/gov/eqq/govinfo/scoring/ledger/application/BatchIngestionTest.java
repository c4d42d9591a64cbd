package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka.Translated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;

import static cn.gov.eqq.govinfo.scoring.ledger.application.SeededStream.*;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link EventIngestion#applyAll}: the batched path gives what the events give one by one, with fewer writes. */
class BatchIngestionTest {

    private static final ScoringPolicy NOTICE = PolicyJson.shipped();

    private final Clock october = Clock.fixed(Instant.parse("2026-10-10T02:00:00Z"), ZoneOffset.UTC);

    private final class Scoring {
        final InMemoryStores.Items items = new InMemoryStores.Items();
        final InMemoryStores.Units units = new InMemoryStores.Units();
        final InMemoryStores.Snapshots snapshots = new InMemoryStores.Snapshots();
        final Policies policies = new Policies(new InMemoryStores.PolicyVersions(), new InMemoryStores.Circulars(), october, NOTICE,
                new EventCodec(), org.mockito.Mockito.mock(OutboxRelay.class));
        final EventIngestion ingestion = new EventIngestion(items, units, snapshots, policies,
                new ItemScores(new EventCodec(), java.time.Clock.systemUTC(),
                        org.mockito.Mockito.mock(OutboxRelay.class)));
        final ScoreQueries queries = new ScoreQueries(items, units, policies, snapshots, new EventCodec());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261128, 42})
    void batchesGiveTheSameItemsRankingsAndDirtyKeysAsOneEventAtATime(long seed) {
        List<EventEnvelope<?>> events = stream(new Random(seed), 400);
        Scoring oneByOne = new Scoring();
        Scoring batched = new Scoring();

        Translated.all(events).forEach(oneByOne.ingestion::apply);
        Random sizes = new Random(seed + 1);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + sizes.nextInt(60));
            batched.ingestion.applyAll(Translated.all(events.subList(from, to)));
            from = to;
        }

        // versions differ by design (fewer writes); facts and entries must not
        assertThat(contents(batched)).isEqualTo(contents(oneByOne));
        assertThat(batched.units.byId).isEqualTo(oneByOne.units.byId);
        assertThat(batched.snapshots.dirtyIds()).isEqualTo(oneByOne.snapshots.dirtyIds());
        for (int group = 1; group <= 3; group++) {
            for (ReportingPeriod p : List.of(ReportingPeriod.month(2026, 7), ReportingPeriod.quarter(2026, 3), ReportingPeriod.year(2026))) {
                assertThat(batched.queries.ranking(group, p)).isEqualTo(oneByOne.queries.ranking(group, p));
            }
        }
        assertThat(batched.items.writes).isLessThan(oneByOne.items.writes);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 11, 20261128})
    void thePublishersRankingsFromOneReadEqualEachRankingReadOnItsOwn(long seed) {
        Scoring s = new Scoring();
        s.ingestion.applyAll(Translated.all(stream(new Random(seed), 300)));
        List<SnapshotStore.Key> keys = new ArrayList<>();
        for (int group = 1; group <= 3; group++) {
            for (ReportingPeriod p : List.of(ReportingPeriod.month(2026, 7), ReportingPeriod.month(2026, 9), ReportingPeriod.quarter(2026, 3),
                    ReportingPeriod.year(2026))) {
                keys.add(new SnapshotStore.Key(p, group));
            }
        }

        Map<SnapshotStore.Key, cn.gov.eqq.govinfo.scoring.rules.domain.Ranking> together = s.queries.rankings(keys);

        assertThat(together).containsOnlyKeys(keys);
        keys.forEach(k -> assertThat(together.get(k)).as(k.id())
                .isEqualTo(s.queries.ranking(k.group(), k.period())));
        assertThat(together.values()).anySatisfy(r -> assertThat(r.lines()).isNotEmpty());
    }

    private static Map<String, List<Object>> contents(Scoring s) {
        Map<String, List<Object>> out = new TreeMap<>();
        s.items.byId.forEach((id, item) -> out.put(id, List.of(item.facts(), item.entries())));
        return out;
    }

    @Test
    void aUnitThatMovesGroupMarksTheRankingsOfBothGroupsForEveryMonthOfItsItems() {
        Scoring s = new Scoring();
        s.ingestion.applyAll(Translated.all(List.of(unit("U006", 2, 0), unit("U007", 2, 0),
                received("I1", "U006", 1, "2026-07-10T09:00"), received("I2", "U006", 1, "2026-08-10T09:00"))));
        s.snapshots.byId.clear();

        s.ingestion.applyAll(Translated.all(List.of(unit("U007", 2, 0), unit("U006", 3, 1))));

        // a record without history means "in group 3 since 2022-07": every period up to this month, both groups
        assertThat(s.snapshots.dirtyIds()).contains("2026-07|2", "2026-07|3", "2026-08|2", "2026-08|3", "2026-Q3|2",
                "2026-Q3|3", "2026|2", "2026|3", "2022-07|2", "2022-07|3", "2026-10|3")
                .doesNotContain("2026-11|2", "2026-11|3").hasSize(2 * (52 + 18 + 5));
        assertThat(s.units.byId.get("U006").group()).isEqualTo(3);
    }

    @Test
    void anOlderUnitStateArrivingLaterIsIgnoredInABatchAndAloneAlike() {
        Scoring s = new Scoring();
        s.ingestion.applyAll(Translated.all(List.of(unit("U006", 2, 5), unit("U006", 3, 1))));
        s.ingestion.apply(Translated.one(unit("U006", 1, 0)));

        assertThat(s.units.byId.get("U006").group()).isEqualTo(2);
    }

    @Test
    void anItemWithSeveralEventsInOneBatchIsWrittenOnce() {
        Scoring s = new Scoring();
        s.ingestion.applyAll(Translated.all(List.of(unit("U006", 2, 0))));
        int before = s.items.writes;

        s.ingestion.applyAll(Translated.all(List.of(received("I1", "U006", 1, "2026-07-10T09:00"),
                forwarded("I1", "U006", "2026-07-11T09:00"), adopted("R1", "I1", "U006", KINDS[0], "2026-07-20"))));

        assertThat(s.items.writes - before).isEqualTo(1);
        assertThat(s.items.byId.get("I1").entries()).hasSize(3);
    }

    @Test
    void aRedeliveredBatchWritesAndMarksNothing() {
        Scoring s = new Scoring();
        List<EventEnvelope<?>> batch = List.of(unit("U006", 2, 0), received("I1", "U006", 1, "2026-07-10T09:00"),
                adopted("R1", "I1", "U006", KINDS[1], "2026-07-20"));
        s.ingestion.applyAll(Translated.all(batch));
        int writes = s.items.writes;
        s.snapshots.byId.clear();

        s.ingestion.applyAll(Translated.all(batch));

        assertThat(s.items.writes).isEqualTo(writes);
        assertThat(s.snapshots.dirtyIds()).isEmpty();
    }

    @Test
    void aUnitMovedInTheMiddleOfABatchGetsTheItemsBeforeAndAfterTheMoveInBothGroupsRankings() {
        Scoring s = new Scoring();
        s.ingestion.applyAll(Translated.all(List.of(unit("U006", 2, 0), received("I1", "U006", 1, "2026-07-10T09:00"),
                unit("U006", 3, 1), received("I2", "U006", 1, "2026-07-11T09:00"))));

        assertThat(s.snapshots.dirtyIds()).contains("2026-07|2", "2026-07|3", "2026|2", "2026|3");
        assertThat(s.queries.ranking(3, ReportingPeriod.month(2026, 7)).lines()).singleElement()
                .satisfies(l -> assertThat(l.score().receivedItems()).isEqualTo(2));
        assertThat(s.queries.ranking(2, ReportingPeriod.month(2026, 7)).lines()).isEmpty();
    }

    /** Units (one of them moving group half-way), items with revisions, voids, forwards, adoptions, judgements, and
     * every tenth event delivered twice. */
}
