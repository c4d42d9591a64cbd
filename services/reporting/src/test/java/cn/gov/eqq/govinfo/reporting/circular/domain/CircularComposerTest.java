package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.AnnexLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.CommissionLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.QuotaNote;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.UnitRef;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemScore;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures.NOW;
import static cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures.Q3;
import static org.assertj.core.api.Assertions.assertThat;

class CircularComposerTest {

    private final CircularComposer composer = new CircularComposer();

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
    void annexShowsTheAdoptionPointsScoringPutInThePeriodWithScoringsExplanation() {
        List<AnnexLine> annex = CircularFixtures.figures().annex();

        assertThat(annex).extracting(AnnexLine::itemId).containsExactly("I1", "I5", "I4", "I2");
        // scoring's ADOPTION lines of July (+20) and August (+10)
        assertThat(annex.get(0).points()).isEqualTo(30);
        assertThat(annex.get(0).publication()).isEqualTo("《鄂尔多斯政讯》2026年第15期；《每日要情》第88期");
        assertThat(annex.get(0).explanation())
                .isEqualTo("被《鄂尔多斯政讯》采用，按最高积分计 +20；被《每日要情》采用，按最高积分补计差额 +10");
        // the June line belongs to Q2: only July's +10 is in Q3
        assertThat(annex.get(1).points()).isEqualTo(10);
        // no ADOPTION line: the instruction is on record, scoring says why it earns nothing
        assertThat(annex.get(2).points()).isZero();
        assertThat(annex.get(2).publication()).isEqualTo("市政府领导批示（副市长）");
        assertThat(annex.get(2).explanation()).isEqualTo("重大紧急类信息的领导批示留档，不计分");
        // the withdrawn State Council record is not listed
        assertThat(annex.get(3).points()).isEqualTo(20);
        assertThat(annex.get(3).publication()).isEqualTo("《鄂尔多斯政讯》2026年第20期");
        assertThat(annex.get(3).unitName()).isEqualTo("教体局");
        assertThat(annex).extracting(AnnexLine::no).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aVoidedItemIsNotInTheAnnex() {
        assertThat(CircularFixtures.figures().annex()).extracting(AnnexLine::itemId).doesNotContain("I3");
    }

    @Test
    void anItemScoringHasNotScoredYetIsShownAsNotYetScoredAndTheDraftSaysSo() {
        Facts base = CircularFixtures.facts();
        Facts withoutI2 = new Facts(base.units(), base.items(), base.adoptions(), base.commissions(),
                base.itemScores().stream().filter(s -> !s.itemId().equals("I2")).toList());

        CircularFigures f = composer.compose(Q3, List.of(CircularFixtures.group2()), withoutI2, NOW);

        AnnexLine i2 = f.annex().stream().filter(a -> a.itemId().equals("I2")).findFirst().orElseThrow();
        assertThat(i2.points()).isNull();
        assertThat(i2.explanation()).isEqualTo("积分服务尚未公布本条信息的积分");
        assertThat(f.warnings()).containsExactly("附件中有 1 条采用信息的积分尚未由积分服务公布，请待公布后再发布");
    }

    @Test
    void annexPointsAreScoringsDecisionEvenUnderAnotherPolicyVersion() {
        Facts base = CircularFixtures.facts();
        ItemScore countyTiers = CircularFixtures.score("I2", "U007", "教体局推进校园安全整治", "SCORED", List.of(
                CircularFixtures.line("2026-09-01", "ADOPTION", "adoption:CITY_BULLETIN_ADOPTED", 25,
                        "被《鄂尔多斯政讯》采用，按本旗积分标准计 +25")), List.of());
        Facts facts = new Facts(base.units(), base.items(), base.adoptions(), base.commissions(),
                base.itemScores().stream().map(s -> s.itemId().equals("I2") ? countyTiers : s).toList());

        CircularFigures f = composer.compose(Q3, List.of(CircularFixtures.group2()), facts, NOW);

        AnnexLine i2 = f.annex().stream().filter(a -> a.itemId().equals("I2")).findFirst().orElseThrow();
        assertThat(i2.points()).isEqualTo(25);
        assertThat(i2.explanation()).isEqualTo("被《鄂尔多斯政讯》采用，按本旗积分标准计 +25");
        assertThat(f.warnings()).as("reporting no longer cross-checks scoring against a copy of the rules").isEmpty();
    }

    @Test
    void anAdoptionScoringPlacedInThePeriodIsListedBeforeReportingHearsOfTheRecord() {
        Facts base = CircularFixtures.facts();
        Facts noRecordsOfI2 = new Facts(base.units(), base.items(),
                base.adoptions().stream().filter(a -> !a.itemId().equals("I2")).toList(), base.commissions(),
                base.itemScores());

        AnnexLine i2 = composer.compose(Q3, List.of(CircularFixtures.group2()), noRecordsOfI2, NOW).annex().stream()
                .filter(a -> a.itemId().equals("I2")).findFirst().orElseThrow();

        assertThat(i2.points()).isEqualTo(20);
        assertThat(i2.publication()).isEqualTo("市政府办公室《鄂尔多斯政讯》采用");
    }

    @Test
    void aDraftWhoseAnnexIsScoredRaisesNoWarning() {
        assertThat(CircularFixtures.figures().warnings()).isEmpty();
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
    void theCircularCountsTheItemsScoringGaveTheCommissionBonus() {
        Facts base = CircularFixtures.facts();
        Instant deadline = Instant.parse("2026-08-15T10:00:00Z");
        CommissionFact threeItems = new CommissionFact("C1", "关于乡村振兴典型经验的约稿", List.of("U006", "U007"),
                deadline, List.of(
                new CommissionFact.Answer("U006", "I6", Instant.parse("2026-08-14T02:00:00Z"), true),
                new CommissionFact.Answer("U006", "I7", Instant.parse("2026-08-15T09:00:00Z"), true),
                new CommissionFact.Answer("U006", "I8", Instant.parse("2026-08-15T09:30:00Z"), true),
                new CommissionFact.Answer("U007", "I9", Instant.parse("2026-08-14T02:00:00Z"), null)));
        List<ItemScore> scores = new java.util.ArrayList<>(base.itemScores());
        scores.add(CircularFixtures.score("I7", "U006", "约稿二", "SCORED", List.of(
                CircularFixtures.line("2026-08-15", "COMMISSION", "commission", 10, "按时报送约稿信息并被采纳，加 10 分")),
                List.of()));
        // I8's answer was revised after the room accepted it: scoring withdrew the bonus until the room judges again
        scores.add(CircularFixtures.score("I8", "U006", "约稿三", "SCORED", List.of(
                CircularFixtures.line("2026-08-15", "SUBMISSION", "category:BRIEF", 1, "已接收，报送积分 +1")),
                List.of()));
        Facts facts = new Facts(base.units(), base.items(), base.adoptions(), List.of(threeItems), scores);

        CommissionLine line = composer
                .compose(Q3, List.of(CircularFixtures.group2(), CircularFixtures.group3()), facts, NOW)
                .commissions().get(0);

        assertThat(line.answered()).extracting(UnitRef::unitName, UnitRef::bonusItems)
                .as("I6 and I7 carry scoring's +10; I8 does not")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("发改委", 2));
        assertThat(line.pending()).extracting(UnitRef::unitName).containsExactly("教体局");
    }
}
