package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventIngestion;
import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScores;
import cn.gov.eqq.govinfo.scoring.ledger.application.Rescoring;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.policy.adapter.in.kafka.PolicyTranslation;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyEvents;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyLog;
import cn.gov.eqq.govinfo.scoring.policy.application.WhatIf;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.ranking.application.SnapshotPublisher;
import cn.gov.eqq.govinfo.scoring.rules.domain.CategoryRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.InvalidPolicyException;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PublishedCircular;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallTier;

import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka.Translated;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** The use cases over in-memory ports: ingestion, dirty marks, debounced snapshots, what-if, policy changes. */
class UseCasesTogetherTest {

    private static final ScoringPolicy NOTICE = PolicyJson.shipped();

    private final InMemoryStores.Items items = new InMemoryStores.Items();
    private final InMemoryStores.Units units = new InMemoryStores.Units();
    private final InMemoryStores.Snapshots snapshots = new InMemoryStores.Snapshots();
    private final InMemoryStores.PolicyVersions policyStore = new InMemoryStores.PolicyVersions();
    private final InMemoryStores.Circulars circulars = new InMemoryStores.Circulars();
    private final Clock october = Clock.fixed(Instant.parse("2026-10-10T02:00:00Z"), ZoneOffset.UTC);
    private final Policies policies = new Policies(policyStore, circulars, october, NOTICE, new EventCodec(), mock(OutboxRelay.class));
    private final EventIngestion ingestion = new EventIngestion(items, units, snapshots, policies,
            new ItemScores(new EventCodec(), october, mock(OutboxRelay.class)));
    private final ScoreQueries queries = new ScoreQueries(items, units, policies, snapshots, new EventCodec());
    private final EventCodec codec = new EventCodec();

    @Test
    void redeliveredEventWritesNothingAndMarksNothing() {
        unit("U006", 2);
        EventEnvelope<ItemReceived> e = received("I1", "U006", "PROBLEM", "2026-07-10T09:00");

        ingestion.apply(Translated.one(e));
        int writes = items.writes;
        snapshots.byId.clear();
        ingestion.apply(Translated.one(e));

        assertThat(items.writes).isEqualTo(writes);
        assertThat(snapshots.dirtyIds()).isEmpty();
    }

    @Test
    void itemOfAUnitNotYetKnownIsRankedOnceTheUnitArrives() {
        ingestion.apply(Translated.one(received("I1", "U006", "PROBLEM", "2026-07-10T09:00")));
        assertThat(snapshots.dirtyIds()).isEmpty();

        unit("U006", 2);

        assertThat(snapshots.dirtyIds()).containsExactly("2026-07|2", "2026-Q3|2", "2026|2");
        assertThat(queries.ranking(2, ReportingPeriod.month(2026, 7)).lines()).singleElement()
                .satisfies(l -> assertThat(l.score().submissionPoints()).isEqualTo(5));
    }

    @Test
    void lateRecordCorrectsItsOwnPastPeriodAndMarksItsRankings() {
        unit("U006", 2);
        ingestion.apply(Translated.one(received("I1", "U006", "DYNAMIC", "2026-06-28T09:00")));
        snapshots.byId.clear();

        // entered in October (补录), dated in August
        ingestion.apply(Translated.one(EventEnvelope.wrap(new AdoptionRecorded("R1", "I1", "U006",
                "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯", "第9期", LocalDate.of(2026, 8, 3), null, null, null, "room",
                Instant.parse("2026-10-09T02:00:00Z")), "adoption-tracking", Instant.now())));

        assertThat(snapshots.dirtyIds()).containsExactlyInAnyOrder("2026-06|2", "2026-Q2|2", "2026|2", "2026-08|2",
                "2026-Q3|2");
        assertThat(queries.unitScore("U006", ReportingPeriod.month(2026, 8)).adoptionPoints()).isEqualTo(20);
        assertThat(queries.unitScore("U006", ReportingPeriod.month(2026, 6)).adoptionPoints()).isZero();
    }

    @Test
    void burstOfMarksYieldsOneSnapshotOnlyAfterTheKeyIsQuiet() {
        unit("U006", 2);
        unit("U007", 2);
        SnapshotPublisher publisher = new SnapshotPublisher(snapshots, queries, codec, mock(OutboxRelay.class),
                october, Duration.ofMinutes(5),
                Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) {
            ingestion.apply(Translated.one(received("I" + i, "U006", "BRIEF", "2026-07-1" + i % 10 + "T09:00")));
        }

        assertThat(publisher.publishDue()).as("still within the quiet time").isZero();

        SnapshotPublisher impatient = new SnapshotPublisher(snapshots, queries, codec, mock(OutboxRelay.class),
                october, Duration.ZERO,
                Duration.ofMinutes(10));
        assertThat(impatient.publishDue()).isEqualTo(3);
        assertThat(impatient.publishDue()).as("then 2026's other begun periods, which no event touched: "
                + "January–October, the four quarters and the year, less the three just published").isEqualTo(12);
        assertThat(impatient.publishDue()).as("nothing left to publish").isZero();

        InMemoryStores.Snapshots.State july = snapshots.byId.get("2026-07|2");
        assertThat(july.version()).isEqualTo(1);
        assertThat(july.outbox()).singleElement().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo("2026-07|2");
            RankingSnapshotPublished s = (RankingSnapshotPublished) codec.decode(entry.json()).payload();
            assertThat(s.snapshotVersion()).isEqualTo(1);
            assertThat(s.rows()).containsExactly(
                    new RankingRow(1, "U006", "单位U006", 10 + 0, 10, 0, 0, 0, 0, 10, 8, 0),
                    new RankingRow(2, "U007", "单位U007", -3, 0, 0, 0, 0, -3, 0, 8, 8));
        });
    }

    @Test
    void markArrivingWhilePublishingKeepsTheKeyDirty() {
        unit("U006", 2);
        ingestion.apply(Translated.one(received("I1", "U006", "BRIEF", "2026-07-10T09:00")));
        SnapshotStore.Dirty read = snapshots.dirty().stream().filter(d -> d.key().id().equals("2026-07|2"))
                .findFirst().orElseThrow();
        snapshots.markDirty(read.key(), Instant.now());

        assertThat(snapshots.published(read, null)).isTrue();

        assertThat(snapshots.dirtyIds()).contains("2026-07|2");
        assertThat(snapshots.published(read, null)).as("a stale version cannot publish twice").isFalse();
    }

    @Test
    void whatIfShowsTheDifferencePerUnitAndChangesNothing() {
        unit("U006", 2);
        unit("U007", 2);
        ingestion.apply(Translated.one(received("I1", "U006", "PROBLEM", "2026-07-10T09:00")));
        ingestion.apply(Translated.one(received("I2", "U007", "DYNAMIC", "2026-07-10T09:00")));
        ingestion.apply(Translated.one(received("I3", "U007", "DYNAMIC", "2026-07-11T09:00")));
        Map<String, CategoryRule> categories = new HashMap<>(NOTICE.categories());
        categories.put("PROBLEM", new CategoryRule("问题类", 1));
        categories.put("DYNAMIC", new CategoryRule("动态类", 2));
        ScoringPolicy draft = new ScoringPolicy("draft-1", LocalDate.of(2026, 7, 1), "草案", categories,
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(),
                NOTICE.shortfall());
        Map<String, StoredItem> before = Map.copyOf(items.byId);

        WhatIf.Result result = new WhatIf(items, units, policies).compare(draft, ReportingPeriod.month(2026, 7), 2);

        assertThat(result.units()).containsExactly(
                new WhatIf.UnitDifference("U006", "单位U006", 2, 5 - 3, 1 - 3, -4, 1, 2),
                new WhatIf.UnitDifference("U007", "单位U007", 2, 2 - 3, 4 - 3, 2, 2, 1));
        assertThat(items.byId).isEqualTo(before);
        assertThat(policyStore.added).isEmpty();
    }

    @Test
    void eventThatCannotBePlacedInAPeriodIsRefusedAsPoisonAndLeavesTheItemUntouched() {
        unit("U006", 2);
        ingestion.apply(Translated.one(received("I1", "U006", "DYNAMIC", "2026-07-10T09:00")));
        StoredItem before = items.byId.get("I1");
        EventEnvelope<AdoptionRecorded> undated = EventEnvelope.wrap(new AdoptionRecorded("R1", "I1", "U006",
                "CITY_BULLETIN_ADOPTED", null, null, null, null, null, null, "room", Instant.now()),
                "adoption-tracking", Instant.now());

        assertThatThrownBy(() -> ingestion.apply(Translated.one(undated)))
                .isInstanceOf(cn.gov.eqq.govinfo.platform.events.EventDecodingException.class);
        assertThat(items.byId.get("I1")).isEqualTo(before);
    }

    @Test
    void backDatedVersionScoresEveryAffectedPeriodAgainOnceItHasSettled() {
        unit("U006", 2);
        unit("U037", 3);
        ingestion.apply(Translated.one(received("I1", "U006", "PROBLEM", "2026-07-10T09:00")));
        ingestion.apply(Translated.one(received("I2", "U006", "PROBLEM", "2026-05-10T09:00")));
        Map<String, CategoryRule> categories = new HashMap<>(NOTICE.categories());
        categories.put("PROBLEM", new CategoryRule("问题类", 6));
        Map<Integer, ShortfallRule> tiers = new HashMap<>(NOTICE.shortfall());
        tiers.put(3, new ShortfallRule(List.of(new ShortfallTier(1, null, -1)), -2, false, "第三组本旗梯次"));
        ScoringPolicy county = new ScoringPolicy("county-2026-07", LocalDate.of(2026, 7, 1), "本旗", categories,
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(),
                tiers);
        Rescoring patient = new Rescoring(policyStore, policies, items, units, snapshots, ingestion, () -> false, october,
                Duration.ofHours(1), new ItemScores(new EventCodec(), october, mock(OutboxRelay.class)));
        Rescoring rescoring = new Rescoring(policyStore, policies, items, units, snapshots, ingestion, () -> false, october,
                Duration.ZERO, new ItemScores(new EventCodec(), october, mock(OutboxRelay.class)));

        policies.add(county, "admin");
        snapshots.byId.clear();

        assertThat(patient.rescorePending()).as("not before every replica's cache holds it").isEmpty();
        assertThat(items.byId.get("I1").entries()).extracting(LedgerEntry::points).containsExactly(5);
        assertThat(rescoring.rescorePending()).containsExactly("county-2026-07");

        assertThat(items.byId.get("I1").entries()).extracting(LedgerEntry::points, LedgerEntry::policyVersion)
                .containsExactly(tuple(6, "county-2026-07"));
        assertThat(items.byId.get("I2").entries()).extracting(LedgerEntry::points, LedgerEntry::policyVersion)
                .containsExactly(tuple(5, "2022-07-06"));
        assertThat(snapshots.dirtyIds()).contains("2026-07|2", "2026-07|3", "2026-Q3|3", "2026-08|3", "2026-09|3",
                "2026-10|3", "2026|3").doesNotContain("2026-06|3", "2026-Q2|2");
        assertThat(queries.unitScore("U037", ReportingPeriod.month(2026, 8)).deductionPoints()).isEqualTo(-2);
        assertThat(rescoring.rescorePending()).as("done once").isEmpty();
    }

    @Test
    void versionReachingIntoAPublishedCircularIsRefusedNamingIt() {
        policies.circularPublished(new PublishedCircular("QUARTERLY-2026-Q3", ReportingPeriod.quarter(2026, 3),
                "关于2026年第三季度全旗政务信息工作情况的通报", "鄂前政办信〔2026〕7号"), 1);
        ScoringPolicy past = new ScoringPolicy("2026-07-01", LocalDate.of(2026, 7, 1), "追溯", NOTICE.categories(),
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(),
                NOTICE.shortfall());
        ScoringPolicy afterIt = new ScoringPolicy("2026-10-01", LocalDate.of(2026, 10, 1), "四季度起",
                NOTICE.categories(), NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(),
                NOTICE.monthlyQuota(), NOTICE.shortfall());

        assertThatThrownBy(() -> policies.add(past, "admin")).isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("《关于2026年第三季度全旗政务信息工作情况的通报》（鄂前政办信〔2026〕7号，涵盖2026年第3季度）");
        policies.add(afterIt, "admin");

        assertThat(policies.history().versions()).extracting(ScoringPolicy::version)
                .containsExactly("2022-07-06", "2026-10-01");
        assertThatThrownBy(() -> policies.add(afterIt, "admin")).hasMessageContaining("已存在");
    }

    @Test
    void addedVersionIsPublishedWholeThroughTheOutboxAndReadsBackEqual() {
        ScoringPolicy county = new ScoringPolicy("county-2026", LocalDate.of(2026, 1, 1), "本旗", NOTICE.categories(),
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(),
                NOTICE.shortfall());

        policies.add(county, "admin");

        assertThat(policyStore.outbox).singleElement().satisfies(entry -> {
            assertThat(entry.topic()).isEqualTo("scoring.policy-events.v1");
            assertThat(entry.key()).isEqualTo("county-2026");
            EventEnvelope<?> decoded = codec.decode(entry.json());
            assertThat(PolicyTranslation.policyOf((PolicyVersionAdded) decoded.payload())).isEqualTo(county);
        });
    }

    @Test
    void replayRestoresFromThePolicyTopicTheVersionsTheStoreLacks() {
        ScoringPolicy county = new ScoringPolicy("county-2026", LocalDate.of(2026, 1, 1), "本旗", NOTICE.categories(),
                NOTICE.forwardPoints(), NOTICE.adoptionKinds(), NOTICE.commissionPoints(), NOTICE.monthlyQuota(),
                NOTICE.shortfall());
        PolicyVersionAdded onTheLog = PolicyEvents.added(county, "admin", Instant.parse("2026-03-12T02:00:00Z"));

        PolicyLog log = () -> List.of(PolicyTranslation.addedVersion(onTheLog));

        assertThat(policies.restoreFrom(log)).containsExactly("county-2026");
        assertThat(policies.restoreFrom(log)).as("already stored").isEmpty();

        assertThat(policies.history().versions()).containsExactly(NOTICE, county);
        assertThat(policyStore.outbox).as("nothing published again").isEmpty();
    }

    @Test
    void moveDatedBackMarksEveryPeriodFromItsMonthInTheOldAndTheNewGroup() {
        unit("U006", 2);
        snapshots.byId.clear();

        // entered in October: U006 has been in group 3 since July
        ingestion.apply(Translated.one(EventEnvelope.wrap(new UnitChanged("U006", "单位U006", 3, true,
                Instant.parse("2026-10-09T02:00:00Z"), List.of(new UnitChanged.Membership(2, "2022-07", "2026-07"),
                new UnitChanged.Membership(3, "2026-07", null))), "submission-intake", Instant.now())));

        assertThat(snapshots.dirtyIds()).containsExactlyInAnyOrder(
                "2026-07|2", "2026-08|2", "2026-09|2", "2026-10|2", "2026-Q3|2", "2026-Q4|2", "2026|2",
                "2026-07|3", "2026-08|3", "2026-09|3", "2026-10|3", "2026-Q3|3", "2026-Q4|3", "2026|3");
        assertThat(queries.ranking(2, ReportingPeriod.month(2026, 6)).lines()).extracting(l -> l.score().unitId())
                .containsExactly("U006");
        assertThat(queries.ranking(2, ReportingPeriod.month(2026, 7)).lines()).isEmpty();
        assertThat(queries.ranking(3, ReportingPeriod.month(2026, 7)).lines()).extracting(l -> l.score().unitId())
                .containsExactly("U006");
        assertThat(queries.groups()).containsExactly(2, 3);
    }

    @Test
    void unitJoiningInThePastMarksThePublishedRankingsOfItsMonthsSoTheyListIt() {
        unit("U006", 2);
        InMemoryStores.Snapshots.State published = new InMemoryStores.Snapshots.State(1, 0, false, Instant.now(), null,
                List.of());
        for (String id : List.of("2026-08|2", "2026-09|2", "2026-Q3|2", "2026|2")) {
            snapshots.byId.put(id, published);
        }

        // created in October, a member of group 2 since September
        ingestion.apply(Translated.one(EventEnvelope.wrap(new UnitChanged("U060", "数据局", 2, true,
                Instant.parse("2026-10-09T02:00:00Z"), List.of(new UnitChanged.Membership(2, "2026-09", null))),
                "submission-intake", Instant.now())));

        assertThat(snapshots.dirtyIds()).as("published periods of its months; August was before it joined")
                .containsExactlyInAnyOrder("2026-09|2", "2026-Q3|2", "2026|2");
        assertThat(queries.ranking(2, ReportingPeriod.month(2026, 9)).lines()).extracting(l -> l.score().unitId())
                .containsExactly("U006", "U060");
        assertThat(queries.ranking(2, ReportingPeriod.month(2026, 8)).lines()).extracting(l -> l.score().unitId())
                .containsExactly("U006");
    }

    private void unit(String id, int group) {
        ingestion.apply(Translated.one(EventEnvelope.wrap(new UnitChanged(id, "单位" + id, group, true,
                Instant.parse("2026-01-01T00:00:00Z")), "submission-intake", Instant.now())));
    }

    private static EventEnvelope<ItemReceived> received(String item, String unit, String category, String bj) {
        Instant at = LocalDateTime.parse(bj).atZone(BeijingTime.ZONE).toInstant();
        return EventEnvelope.wrap(new ItemReceived(item, unit, 1, "标题" + item, category, List.of(), false,
                "GOOD_NEWS", LocalDate.of(2026, 7, 1), at, at.plusSeconds(3600), "room", null),
                "submission-intake", Instant.now());
    }
}
