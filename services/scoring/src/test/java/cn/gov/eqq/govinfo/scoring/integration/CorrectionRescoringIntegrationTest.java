package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.item.ItemCorrected;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.ledger.application.Replay;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.ranking.application.ScoreQueries;
import cn.gov.eqq.govinfo.scoring.rules.domain.PointSource;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitPeriodScore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The room's correction arrives on the item topic of the real broker: the item is scored again, the period's ranking
 * is published again with the new points, and a replay from the topics gives the corrected figures again.
 */
@TestPropertySource(properties = {"govinfo.scoring.publish-quiet=1s", "govinfo.scoring.publish-max-delay=20s"})
class CorrectionRescoringIntegrationTest extends ScoringOnTheBroker {

    @Autowired
    ScoreQueries queries;
    @Autowired
    Replay replay;

    private TopicRecords published;

    @BeforeAll
    void readSnapshots() {
        published = read("correction-snapshot-reader", Topics.RANKINGS);
    }

    @AfterAll
    void stopReading() throws InterruptedException {
        published.close();
    }

    @Test
    void dynamicItemCorrectedToProblemEarnsFivePointsAndTheRankingIsPublishedAgainAndReplayKeepsIt() {
        send(Topics.UNITS, new UnitChanged("U006", "发改委", 2, true, bj("2026-01-01T08:00")));
        send(Topics.ITEMS, new ItemReceived("I1", "U006", 1, "标题I1", "DYNAMIC", List.of("LIVELIHOOD"), false,
                "GOOD_NEWS", LocalDate.of(2026, 7, 9), bj("2026-07-10T09:00"), bj("2026-07-10T11:00"), "room",
                null));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(july().submissionPoints()).isEqualTo(1);
            assertThat(row(latest("2026-07|2"))).isNotNull();
        });
        RankingSnapshotPublished before = latest("2026-07|2");

        send(Topics.ITEMS, new ItemCorrected("I1", "U006", 1,
                new ItemCorrected.Classification("DYNAMIC", false, false, List.of("LIVELIHOOD")),
                new ItemCorrected.Classification("PROBLEM", false, false, List.of("LIVELIHOOD")),
                "反映问题并提出对策，应为问题信息", bj("2026-08-03T10:00"), "room"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(july().submissionPoints()).isEqualTo(5);
            assertThat(latest("2026-07|2").snapshotVersion()).isGreaterThan(before.snapshotVersion());
            assertThat(row(latest("2026-07|2")).points()).isEqualTo(row(before).points() + 4);
            assertThat(row(latest("2026-07|2")).submissionPoints()).isEqualTo(5);
        });
        assertThat(july().entries()).filteredOn(e -> e.source() == PointSource.SUBMISSION).singleElement().satisfies(e -> assertThat(e.explanation())
                .isEqualTo("《标题I1》（问题类）已被信息室接收，报送积分 +5（分类经信息室更正，理由：反映问题并提出对策，应为问题信息）"));
        UnitPeriodScore live = queries.unitScore("U006", ReportingPeriod.parse("2026"));

        assertThat(replay.start("test")).isTrue();
        await().atMost(Duration.ofSeconds(120)).until(() -> replay.status().state() != GenerationPointer.State.RUNNING);

        assertThat(replay.status().state()).isEqualTo(GenerationPointer.State.DONE);
        assertThat(queries.unitScore("U006", ReportingPeriod.parse("2026"))).isEqualTo(live);
        assertThat(july().submissionPoints()).isEqualTo(5);
    }

    private UnitPeriodScore july() {
        return queries.unitScore("U006", ReportingPeriod.parse("2026-07"));
    }

    private RankingSnapshotPublished latest(String key) {
        return published.envelopes().stream().filter(e -> e.key().equals(key))
                .map(e -> (RankingSnapshotPublished) e.payload())
                .max(java.util.Comparator.comparingLong(RankingSnapshotPublished::snapshotVersion)).orElse(null);
    }

    private static RankingRow row(RankingSnapshotPublished snapshot) {
        return snapshot == null ? null
                : snapshot.rows().stream().filter(r -> r.unitId().equals("U006")).findFirst().orElse(null);
    }
}
