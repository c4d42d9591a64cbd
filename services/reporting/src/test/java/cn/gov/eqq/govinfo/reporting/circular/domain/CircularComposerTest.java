package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.AnnexLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.CommissionLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.QuotaNote;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.UnitRef;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures.NOW;
import static cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures.Q3;
import static org.assertj.core.api.Assertions.assertThat;

class CircularComposerTest {

    private final CircularComposer composer = new CircularComposer(AdoptionPointsTable.policy2022());

    @Test
    void rankingTablesAreTheScoringSnapshotsLineForLineInGroupOrder() {
        CircularFigures f = CircularFixtures.figures();

        assertThat(f.groups()).extracting(CircularFigures.GroupTable::group).containsExactly(2, 3);
        assertThat(f.groups().get(0).groupName()).isEqualTo("第二组");
        assertThat(f.groups().get(0).rows()).isEqualTo(CircularFixtures.group2().lines());
        assertThat(f.groups().get(0).snapshotVersion()).isEqualTo(7);
        assertThat(f.groups().get(1).rows()).isEqualTo(CircularFixtures.group3().lines());
    }

    @Test
    void snapshotsOfAnotherPeriodAreLeftOut() {
        var july = new cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot("e", "2026-07", "MONTH", 2, 1, NOW,
                "p", List.of(new RankingLine(1, "U006", "发改委", 5, 5, 0, 0, 0, 0, 5, 8, 3)), NOW);
        CircularFigures f = composer.compose(Q3, List.of(july), CircularFixtures.facts(), NOW);
        assertThat(f.groups()).isEmpty();
        assertThat(f.warnings()).contains("本期尚无积分排名，通报中没有排名表");
    }

    @Test
    void unitsThatSubmittedNothingOrMissedTheirQuotaAreNamed() {
        CircularFigures f = CircularFixtures.figures();

        assertThat(f.noSubmission()).extracting(QuotaNote::unitName).containsExactly("工信和科技局", "供销社");
        assertThat(f.missedQuota()).containsExactly(new QuotaNote(2, "U007", "教体局", 20, 24, 4));
    }

    @Test
    void annexListsEveryAdoptedItemOfThePeriodWithThePointsItEarnedInThePeriod() {
        List<AnnexLine> annex = CircularFixtures.figures().annex();

        assertThat(annex).extracting(AnnexLine::itemId).containsExactly("I1", "I5", "I4", "I2");
        // 鄂尔多斯政讯 (20) in July, then 每日要情 (30) in August: only the rise counts, 30 in all
        assertThat(annex.get(0).points()).isEqualTo(30);
        assertThat(annex.get(0).publication()).isEqualTo("《鄂尔多斯政讯》2026年第15期；《每日要情》第88期");
        // adopted for 20 in June (Q2), raised to 30 in July: Q3 gets the difference
        assertThat(annex.get(1).points()).isEqualTo(10);
        // a city leader's instruction on a major-emergency item is on record but earns nothing
        assertThat(annex.get(2).points()).isZero();
        assertThat(annex.get(2).publication()).isEqualTo("市政府领导批示（副市长）");
        // the withdrawn State Council record does not count
        assertThat(annex.get(3).points()).isEqualTo(20);
        assertThat(annex.get(3).unitName()).isEqualTo("教体局");
        assertThat(annex).extracting(AnnexLine::no).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aVoidedItemIsNotInTheAnnex() {
        assertThat(CircularFixtures.figures().annex()).extracting(AnnexLine::itemId).doesNotContain("I3");
    }

    @Test
    void annexThatAgreesWithTheRankingsRaisesNoWarning() {
        assertThat(CircularFixtures.figures().warnings()).isEmpty();
    }

    @Test
    void annexThatDisagreesWithTheRankingsIsFlaggedOnTheDraft() {
        var g2 = CircularFixtures.group2();
        var wrong = new cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot(g2.eventId(), g2.period(),
                g2.periodType(), 2, 8, g2.computedAt(), g2.policyVersion(),
                List.of(new RankingLine(1, "U006", "发改委", 53, 21, 2, 20, 10, 0, 24, 24, 0)), g2.keptAt());
        CircularFigures f = composer.compose(Q3, List.of(wrong), CircularFixtures.facts(), NOW);
        assertThat(f.warnings()).containsExactly("第二组 发改委：附件采用积分合计 40 与排名中的采用积分 20 不一致，请核对后再发布");
    }

    @Test
    void commissionsDueInThePeriodNameWhoAnsweredOnTimeAndWhoMissed() {
        List<CommissionLine> lines = CircularFixtures.figures().commissions();

        assertThat(lines).hasSize(1);
        CommissionLine c1 = lines.get(0);
        assertThat(c1.title()).isEqualTo("关于乡村振兴典型经验的约稿");
        assertThat(c1.answered()).extracting(UnitRef::unitName).containsExactly("发改委");
        assertThat(c1.missed()).extracting(UnitRef::unitName, UnitRef::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("教体局", "LATE"),
                        org.assertj.core.groups.Tuple.tuple("工信和科技局", "MISSED"));
        assertThat(c1.answered()).extracting(UnitRef::bonusItems).containsExactly(1);
        assertThat(c1.missed()).extracting(UnitRef::bonusItems).containsOnlyNulls();
    }

    @Test
    void theCircularCountsEveryAcceptedOnTimeItemOfAUnitAsScoringDoes() {
        Facts base = CircularFixtures.facts();
        Instant deadline = Instant.parse("2026-08-15T10:00:00Z");
        CommissionFact twoItems = new CommissionFact("C1", "关于乡村振兴典型经验的约稿", List.of("U006", "U007"),
                deadline, List.of(
                new CommissionFact.Answer("U006", "I6", Instant.parse("2026-08-14T02:00:00Z"), true),
                new CommissionFact.Answer("U006", "I7", Instant.parse("2026-08-15T09:00:00Z"), true),
                new CommissionFact.Answer("U006", "I8", Instant.parse("2026-08-15T11:00:00Z"), true),
                new CommissionFact.Answer("U007", "I9", Instant.parse("2026-08-14T02:00:00Z"), null)));
        Facts facts = new Facts(base.units(), base.items(), base.adoptions(), List.of(twoItems));

        CommissionLine line = new CircularComposer(AdoptionPointsTable.policy2022())
                .compose(Q3, List.of(CircularFixtures.group2(), CircularFixtures.group3()), facts, NOW)
                .commissions().get(0);

        assertThat(line.answered()).extracting(UnitRef::unitName, UnitRef::bonusItems)
                .as("I6 and I7 on time and accepted; I8 an hour late")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("发改委", 2));
        assertThat(line.pending()).extracting(UnitRef::unitName).containsExactly("教体局");
    }
}
