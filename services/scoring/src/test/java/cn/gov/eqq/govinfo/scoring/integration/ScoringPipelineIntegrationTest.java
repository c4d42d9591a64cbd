package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.ledger.application.Replay;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitPeriodScore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From real Kafka records (the in-process KRaft broker) through the Mongo read model to the published ranking
 * snapshot, then a replay from the topics that must give exactly what the live run gave.
 */
@TestPropertySource(properties = {"govinfo.scoring.publish-quiet=1s", "govinfo.scoring.publish-max-delay=20s",
        "logging.level.cn.gov.eqq.govinfo.scoring=DEBUG"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringPipelineIntegrationTest extends ScoringOnTheBroker {

    @Autowired
    ScoreQueries queries;
    @Autowired
    Replay replay;

    private TopicRecords published;

    @BeforeAll
    void readSnapshots() {
        published = read("snapshot-reader", Topics.RANKINGS);
    }

    @AfterAll
    void stopReading() throws InterruptedException {
        published.close();
    }

    @SuppressWarnings("unchecked")
    private List<EventEnvelope<RankingSnapshotPublished>> snapshots() {
        return published.envelopes().stream().map(e -> (EventEnvelope<RankingSnapshotPublished>) e).toList();
    }

    @Test
    @Order(1)
    void eventsFromTheTopicsEndUpAsOneExactRankingSnapshotPerKey() {
        send(Topics.UNITS, new UnitChanged("U006", "发改委", 2, true, bj("2026-01-01T08:00")));
        send(Topics.UNITS, new UnitChanged("U007", "教体局", 2, true, bj("2026-01-01T08:00")));
        send(Topics.UNITS, new UnitChanged("U008", "工信和科技局", 2, true, bj("2026-01-01T08:00")));
        send(Topics.UNITS, new UnitChanged("U009", "民族事务委员会", 2, false, bj("2026-01-01T08:00")));
        // U006: a problem item forwarded to the city; a commissioned research report on time
        send(Topics.ITEMS, received("I1", "U006", "PROBLEM", "2026-07-10T09:00", false));
        send(Topics.ITEMS, new ItemForwardedToCity("I1", "U006", bj("2026-07-12T10:00"), "room"));
        send(Topics.ITEMS, received("I2", "U006", "RESEARCH_REPORT", "2026-07-31T23:30", false));
        send(Topics.COMMISSIONS, new CommissionAnswerJudged("K1", "U006", "I2", bj("2026-07-31T23:30"),
                bj("2026-07-31T23:59"), true, null, "room", bj("2026-08-03T10:00")));
        // U007: the adoption arrives before the item; the same item event is delivered twice
        send(Topics.ADOPTIONS, new AdoptionRecorded("R1", "I3", "U007", "CITY_BULLETIN_ADOPTED", "鄂尔多斯政讯",
                "2026年第15期", LocalDate.of(2026, 7, 25), null, null, null, "room", bj("2026-07-26T10:00")));
        EventEnvelope<ItemReceived> twice = EventEnvelope.wrap(received("I3", "U007", "DYNAMIC",
                "2026-07-20T09:00", false), "submission-intake", Instant.now());
        send(Topics.ITEMS, twice);
        send(Topics.ITEMS, twice);
        // U007: an item submitted at 00:30 on 1 August Beijing time counts in August, not July
        send(Topics.ITEMS, received("I4", "U007", "BRIEF", "2026-08-01T00:30", false));
        // U008: one item, then voided; U009 is inactive and not ranked
        send(Topics.ITEMS, received("I5", "U008", "PROBLEM", "2026-07-05T09:00", false));
        send(Topics.ITEMS, new ItemVoided("I5", "U008", "重复报送", bj("2026-07-06T09:00"), "room"));
        send(Topics.ITEMS, received("I6", "U009", "PROBLEM", "2026-07-05T09:00", false));

        // ranks by points: U006 has 5+2+5+10−3 = 19, U007 has 1+20−3 = 18
        List<RankingRow> expected = List.of(
                new RankingRow(1, "U006", "发改委", 19, 10, 2, 0, 10, -3, 2, 8, 6),
                new RankingRow(2, "U007", "教体局", 18, 1, 0, 20, 0, -3, 1, 8, 7),
                new RankingRow(3, "U008", "工信和科技局", -3, 0, 0, 0, 0, -3, 0, 8, 8));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(latest("2026-07|2")).isNotNull().satisfies(s -> {
                    assertThat(s.payload().rows()).containsExactlyElementsOf(expected);
                    assertThat(s.payload().periodType()).isEqualTo("MONTH");
                    assertThat(s.payload().policyVersion()).isEqualTo("2022-07-06");
                    assertThat(s.producer()).isEqualTo("scoring");
                }));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(latest("2026-Q3|2")).isNotNull();
            assertThat(latest("2026|2")).isNotNull();
            assertThat(latest("2026-08|2")).isNotNull();
        });
        RankingSnapshotPublished august = latest("2026-08|2").payload();
        assertThat(august.rows()).filteredOn(r -> r.unitId().equals("U007")).singleElement()
                .satisfies(r -> assertThat(r.submissionPoints()).isEqualTo(1));
        // the quarter: July and August ended (each −3 for these units), September ended too on 10 October
        RankingSnapshotPublished q3 = latest("2026-Q3|2").payload();
        assertThat(q3.rows()).extracting(RankingRow::unitId, RankingRow::points).containsExactly(
                org.assertj.core.groups.Tuple.tuple("U006", 19 - 3 - 3),
                org.assertj.core.groups.Tuple.tuple("U007", 18 + 1 - 3 - 3),
                org.assertj.core.groups.Tuple.tuple("U008", -9));
        // versions increase per key
        List<Long> julyVersions = snapshots().stream().filter(s -> s.key().equals("2026-07|2"))
                .map(s -> s.payload().snapshotVersion()).toList();
        assertThat(julyVersions).isSorted().doesNotHaveDuplicates();
        System.out.println("[scoring-it] snapshots per key after the first burst: " + countsByKey());
    }

    @Test
    @Order(2)
    void aBurstOfEventsForOneKeyYieldsOneSnapshot() {
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        long before = snapshots().stream().filter(s -> s.key().equals("2026-09|1")).count();
        send(Topics.UNITS, new UnitChanged("U002", "敖勒召其镇", 1, true, bj("2026-01-01T08:00")));
        List<EventEnvelope<ItemReceived>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(EventEnvelope.wrap(received("B" + i, "U002", "BRIEF", "2026-09-0" + (1 + i % 9) + "T09:00",
                    false), "submission-intake", Instant.now()));
        }
        burst.forEach(e -> send(Topics.ITEMS, e));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(latest("2026-09|1")).isNotNull()
                .satisfies(s -> assertThat(s.payload().rows()).singleElement()
                        .satisfies(r -> assertThat(r.receivedItems()).isEqualTo(20))));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        long published = snapshots().stream().filter(s -> s.key().equals("2026-09|1")).count() - before;
        System.out.println("[scoring-it] snapshots of 2026-09|1 for a burst of 21 events: " + published);
        assertThat(published).isEqualTo(1);
    }

    @Test
    @Order(3)
    void replayFromTheTopicsGivesExactlyWhatTheLiveRunGave() {
        List<UnitPeriodScore> live = scores();
        long julyVersion = latest("2026-07|2").payload().snapshotVersion();

        assertThat(replay.start("test")).isTrue();
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).until(() -> replay.status().state() != GenerationPointer.State.RUNNING);
        System.out.println("[scoring-it] replay took " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms: " + replay.status());

        assertThat(replay.status().state()).isEqualTo(GenerationPointer.State.DONE);
        assertThat(scores()).isEqualTo(live);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(latest("2026-07|2").payload().snapshotVersion()).isGreaterThan(julyVersion));
        assertThat(latest("2026-07|2").payload().rows()).extracting(RankingRow::unitId, RankingRow::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("U006", 19),
                        org.assertj.core.groups.Tuple.tuple("U007", 18),
                        org.assertj.core.groups.Tuple.tuple("U008", -3));
    }

    private List<UnitPeriodScore> scores() {
        List<UnitPeriodScore> out = new ArrayList<>();
        for (String unit : List.of("U002", "U006", "U007", "U008", "U009")) {
            for (String p : List.of("2026-07", "2026-08", "2026-09", "2026-Q3", "2026")) {
                out.add(queries.unitScore(unit, ReportingPeriod.parse(p)));
            }
        }
        return out;
    }

    private Map<String, Long> countsByKey() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        snapshots().forEach(s -> counts.merge(s.key(), 1L, Long::sum));
        return counts;
    }

    private EventEnvelope<RankingSnapshotPublished> latest(String key) {
        return snapshots().stream().filter(s -> s.key().equals(key))
                .max(java.util.Comparator.comparingLong(s -> s.payload().snapshotVersion())).orElse(null);
    }

    private static ItemReceived received(String item, String unit, String category, String submittedBj,
                                         boolean emergency) {
        return new ItemReceived(item, unit, 1, "标题" + item, category, List.of(), emergency, "GOOD_NEWS",
                LocalDate.of(2026, 7, 1), bj(submittedBj), bj(submittedBj).plusSeconds(7200), "room", null);
    }
}
