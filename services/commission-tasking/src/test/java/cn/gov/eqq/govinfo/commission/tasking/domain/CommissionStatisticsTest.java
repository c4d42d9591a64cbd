package cn.gov.eqq.govinfo.commission.tasking.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.ACTIVE_UNITS;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.ISSUED_AT;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.beijing;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.issued;
import static org.assertj.core.api.Assertions.assertThat;

class CommissionStatisticsTest {

    @Test
    void eachUnitCountsCommissionsReceivedOnTimeLateRejectedAndMissed() {
        Commission first = issued("U001", "U006", "U037");
        first.recordAnswer("A", "U001", 1, beijing("2026-07-31T23:59:59"), true);
        first.recordAnswer("B", "U006", 1, beijing("2026-08-01T00:00:00"), true);
        first.judge("A", true, null, "room", beijing("2026-08-02T10:00"));
        first.judge("B", true, null, "room", beijing("2026-08-02T10:00"));
        Commission second = Commission.issue("C2", new NewCommission("民生改善", "要求", List.of("U001", "U006"),
                LocalDateTime.parse("2026-08-20T18:00")), "room", ISSUED_AT, ACTIVE_UNITS::contains).commission();
        second.recordAnswer("C", "U001", 1, beijing("2026-08-10T10:00"), true);
        second.judge("C", false, "偏离主题", "room", beijing("2026-08-11T10:00"));
        second.recordAnswer("D", "U006", 1, beijing("2026-08-12T10:00"), false);

        // scoring credited A (on time, accepted); B was late, C rejected, D not judged
        Map<String, ScoredBonus> scored = Map.of("A", new ScoredBonus("A", 3, 10, "按时完成约稿并被信息室认可 +10"),
                "B", new ScoredBonus("B", 2, 0, "晚于截止时间，不计约稿分"),
                "C", new ScoredBonus("C", 2, 0, "未被信息室认可，不计约稿分"));

        List<UnitTally> tallies = CommissionStatistics.tally(List.of(first, second), beijing("2026-08-15T00:00"),
                scored);

        assertThat(tallies).containsExactly(
                new UnitTally("U001", 2, 2, 0, 1, 1, 0, 0, 1),
                new UnitTally("U006", 2, 1, 1, 1, 0, 1, 0, 0),
                new UnitTally("U037", 1, 0, 0, 0, 0, 0, 1, 0));
    }

    @Test
    void theBonusCountsEveryItemScoringCreditedSoOneUnitMayEarnItTwiceForOneCommission() {
        Commission c = issued("U001", "U006");
        c.recordAnswer("A", "U001", 1, beijing("2026-07-25T10:00"), true);
        c.recordAnswer("B", "U001", 1, beijing("2026-07-28T10:00"), true);
        c.recordAnswer("C", "U001", 1, beijing("2026-08-02T10:00"), true);
        c.recordAnswer("D", "U006", 1, beijing("2026-07-30T10:00"), true);
        c.judge("A", true, null, "room", beijing("2026-08-03T10:00"));
        c.judge("B", true, null, "room", beijing("2026-08-03T10:00"));
        c.judge("C", true, null, "room", beijing("2026-08-03T10:00"));
        c.judge("D", false, "偏离主题", "room", beijing("2026-08-03T10:00"));

        Map<String, ScoredBonus> scored = Map.of("A", earned("A"), "B", earned("B"),
                "C", new ScoredBonus("C", 2, 0, "晚于截止时间，不计约稿分"),
                "D", new ScoredBonus("D", 2, 0, "未被信息室认可，不计约稿分"));

        List<UnitTally> tallies = CommissionStatistics.tally(List.of(c), beijing("2026-08-15T00:00"), scored);

        assertThat(tallies).extracting(UnitTally::unitId, UnitTally::bonusEarned)
                .as("scoring credited A and B: 2 items; C and D earned nothing")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("U001", 2),
                        org.assertj.core.groups.Tuple.tuple("U006", 0));
        assertThat(tallies.get(0).received()).as("the commission itself is counted once").isEqualTo(1);
    }

    @Test
    void anItemScoringHasNotScoredYetCountsNoBonusAndANewerDecisionIsWhatCounts() {
        Commission c = issued("U001");
        c.recordAnswer("A", "U001", 1, beijing("2026-07-25T10:00"), true);
        c.judge("A", true, null, "room", beijing("2026-08-03T10:00"));

        assertThat(c.bonusItemsOf("U001", Map.of())).as("not yet scored").isZero();
        assertThat(c.bonusItemsOf("U001", Map.of("A", earned("A")))).isEqualTo(1);
        assertThat(c.bonusItemsOf("U001", Map.of("A", new ScoredBonus("A", 4, 0, "已修改重报，暂不计约稿分"))))
                .as("scoring took the bonus back").isZero();
        assertThat(c.bonusItemsOf("U001", Map.of("X", earned("X")))).as("not an answer to this commission")
                .isZero();
    }

    private static ScoredBonus earned(String itemId) {
        return new ScoredBonus(itemId, 3, 10, "按时完成约稿并被信息室认可 +10");
    }
}
