package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswered;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The commission bonus follows the latest answer version on the real topics: accepted on time it counts, a revised
 * answer (CommissionAnswered with a higher revision) takes it back in the republished ranking, and the room's
 * acceptance of the revision gives it again.
 */
@TestPropertySource(properties = {"govinfo.scoring.publish-quiet=1s", "govinfo.scoring.publish-max-delay=20s"})
class CommissionRevisionIntegrationTest extends ScoringOnTheBroker {

    private TopicRecords published;

    @BeforeAll
    void readSnapshots() {
        published = read("revision-snapshot-reader", Topics.RANKINGS);
    }

    @AfterAll
    void stopReading() throws InterruptedException {
        published.close();
    }

    @Test
    void aRevisedAnswerWithdrawsTheBonusFromTheRankingUntilTheRoomAcceptsTheRevision() {
        send(Topics.UNITS, new UnitChanged("U006", "发改委", 2, true, bj("2026-01-01T08:00")));
        send(Topics.ITEMS, received(1, "2026-07-20T09:00"));
        send(Topics.COMMISSIONS, new CommissionAnswered("K1", "U006", "I1", 1, bj("2026-07-20T09:00"),
                bj("2026-07-31T23:59"), true));
        send(Topics.COMMISSIONS, new CommissionAnswerJudged("K1", "U006", "I1", bj("2026-07-20T09:00"),
                bj("2026-07-31T23:59"), true, null, "room", bj("2026-07-21T10:00")));
        // a research report (5) accepted on time (+10), 1 of 8 received (−3)
        awaitJuly(new RankingRow(1, "U006", "发改委", 12, 5, 0, 0, 10, -3, 1, 8, 7));

        // the unit revises its answer before the deadline: the room has not judged revision 2 yet
        send(Topics.ITEMS, received(2, "2026-07-25T09:00"));
        send(Topics.COMMISSIONS, new CommissionAnswered("K1", "U006", "I1", 2, bj("2026-07-25T09:00"),
                bj("2026-07-31T23:59"), true));
        awaitJuly(new RankingRow(1, "U006", "发改委", 2, 5, 0, 0, 0, -3, 1, 8, 7));

        // the room accepts revision 2: the bonus is back
        send(Topics.COMMISSIONS, new CommissionAnswerJudged("K1", "U006", "I1", bj("2026-07-25T09:00"),
                bj("2026-07-31T23:59"), true, null, "room", bj("2026-07-26T10:00")));
        awaitJuly(new RankingRow(1, "U006", "发改委", 12, 5, 0, 0, 10, -3, 1, 8, 7));
    }

    private void awaitJuly(RankingRow expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(latestJuly()).isNotNull()
                .satisfies(s -> assertThat(s.rows()).containsExactly(expected)));
    }

    private RankingSnapshotPublished latestJuly() {
        return published.envelopes().stream()
                .filter(e -> e.key().equals("2026-07|2"))
                .map(e -> (RankingSnapshotPublished) e.payload())
                .max(Comparator.comparingLong(RankingSnapshotPublished::snapshotVersion)).orElse(null);
    }

    private static ItemReceived received(int revision, String submittedBj) {
        return new ItemReceived("I1", "U006", revision, "乡村振兴调研", "RESEARCH_REPORT", List.of(), false,
                "GOOD_NEWS", LocalDate.of(2026, 7, 1), bj(submittedBj), bj(submittedBj).plusSeconds(3600), "room",
                "K1");
    }
}
