package cn.gov.eqq.govinfo.reporting.statistics.domain;

import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact.Membership;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsCalculatorTest {

    private final StatisticsCalculator calculator = new StatisticsCalculator();
    private final UnitFact ndrc = new UnitFact("U006", "发改委", 2, true);

    @Test
    void countsTheReceivedItemsOfTheMonthByCategoryTopicAndPolarity() {
        UnitMonthStatistics aug = calculator.of(ndrc, ReportingPeriod.month(2026, 8), CircularFixtures.facts(),
                CircularFixtures.NOW);

        assertThat(aug.receivedItems()).isEqualTo(2); // I4 and I6
        assertThat(aug.byCategory()).isEqualTo(Map.of("BRIEF", 1, "RESEARCH_REPORT", 1));
        assertThat(aug.byTopic()).isEqualTo(Map.of("乡村振兴", 2));
        assertThat(aug.goodNews()).isEqualTo(1);
        assertThat(aug.problems()).isEqualTo(1);
        assertThat(aug.balance()).isEqualTo(0.5);
    }

    @Test
    void timelinessIsDaysFromTheEventToTheSubmission() {
        UnitMonthStatistics aug = calculator.of(ndrc, ReportingPeriod.month(2026, 8), CircularFixtures.facts(),
                CircularFixtures.NOW);
        // I4: event 08-10 submitted 08-10 (0 days); I6: event 08-01 submitted 08-14 (13 days)
        assertThat(aug.timeliness().itemsWithEventDate()).isEqualTo(2);
        assertThat(aug.timeliness().averageDays()).isEqualTo(6.5);
        assertThat(aug.timeliness().medianDays()).isZero();
        assertThat(aug.timeliness().maxDays()).isEqualTo(13);
    }

    @Test
    void adoptionRateCountsAdoptionsButNotInstructions() {
        UnitMonthStatistics aug = calculator.of(ndrc, ReportingPeriod.month(2026, 8), CircularFixtures.facts(),
                CircularFixtures.NOW);
        assertThat(aug.adoptedItems()).isZero(); // I4 only has a leader's instruction
        assertThat(aug.adoptionRate()).isEqualTo(0.0);

        UnitMonthStatistics jul = calculator.of(ndrc, ReportingPeriod.month(2026, 7), CircularFixtures.facts(),
                CircularFixtures.NOW);
        assertThat(jul.receivedItems()).isEqualTo(1);
        assertThat(jul.adoptionRate()).isEqualTo(1.0);
    }

    @Test
    void commissionResponsivenessIsTakenOverCommissionsDueInTheMonth() {
        UnitFact education = new UnitFact("U007", "教体局", 2, true);
        var s = calculator.of(education, ReportingPeriod.month(2026, 8), CircularFixtures.facts(), CircularFixtures.NOW);
        assertThat(s.commissions().targeted()).isEqualTo(1);
        assertThat(s.commissions().late()).isEqualTo(1);
        assertThat(s.commissions().responseRate()).isEqualTo(0.0);

        var ndrcAug = calculator.of(ndrc, ReportingPeriod.month(2026, 8), CircularFixtures.facts(), CircularFixtures.NOW);
        assertThat(ndrcAug.commissions().answered()).isEqualTo(1);
        assertThat(ndrcAug.commissions().responseRate()).isEqualTo(1.0);

        var ndrcOct = calculator.of(ndrc, ReportingPeriod.month(2026, 10), CircularFixtures.facts(), CircularFixtures.NOW);
        assertThat(ndrcOct.commissions().pending()).isEqualTo(1);
        assertThat(ndrcOct.commissions().responseRate()).isNull();
    }

    @Test
    void aMonthWithNothingHasNoRates() {
        var s = calculator.of(ndrc, ReportingPeriod.month(2026, 12), CircularFixtures.facts(), CircularFixtures.NOW);
        assertThat(s.receivedItems()).isZero();
        assertThat(s.adoptionRate()).isNull();
        assertThat(s.balance()).isNull();
        assertThat(s.timeliness().averageDays()).isNull();
    }

    @Test
    void aQuarterGivesEveryUnitEveryMonth() {
        assertThat(calculator.forMonths(CircularFixtures.Q3, CircularFixtures.facts(), CircularFixtures.NOW))
                .hasSize(15);
    }

    @Test
    void commissionBonusesAreTheItemsScoringGaveTheBonusInTheMonth() {
        var aug = calculator.of(ndrc, ReportingPeriod.month(2026, 8), CircularFixtures.facts(), CircularFixtures.NOW);
        assertThat(aug.commissions().bonusItems()).isEqualTo(1); // I6's COMMISSION line
        assertThat(aug.commissions().bonusPoints()).isEqualTo(10);

        Facts base = CircularFixtures.facts();
        var second = CircularFixtures.score("I7", "U006", "约稿二", "SCORED", List.of(
                CircularFixtures.line("2026-08-15", "COMMISSION", "commission", 10, "按时报送约稿信息并被采纳，加 10 分")),
                List.of());
        var voided = CircularFixtures.score("I10", "U006", "约稿三", "VOIDED", List.of(
                CircularFixtures.line("2026-08-15", "COMMISSION", "commission", 10, "作废前的记录")), List.of());
        Facts twoItems = new Facts(base.units(), base.items(), base.adoptions(), base.commissions(),
                java.util.stream.Stream.concat(base.itemScores().stream(), java.util.stream.Stream.of(second, voided))
                        .toList());
        var both = calculator.of(ndrc, ReportingPeriod.month(2026, 8), twoItems, CircularFixtures.NOW);
        assertThat(both.commissions().bonusItems()).as("one commission, two accepted on-time items").isEqualTo(2);
        assertThat(both.commissions().bonusPoints()).isEqualTo(20);
        assertThat(both.commissions().answered()).as("still one commission answered").isEqualTo(1);
    }

    @Test
    void aUnitStandsInTheGroupItBelongedToInEachMonth() {
        UnitFact moved = new UnitFact("U006", "发改委", 3, true,
                List.of(new Membership(2, "2022-07", "2026-08"), new Membership(3, "2026-08", null)));

        assertThat(calculator.of(moved, ReportingPeriod.month(2026, 7), CircularFixtures.facts(), CircularFixtures.NOW)
                .group()).isEqualTo(2);
        assertThat(calculator.of(moved, ReportingPeriod.month(2026, 8), CircularFixtures.facts(), CircularFixtures.NOW)
                .group()).isEqualTo(3);
    }

    @Test
    void aUnitIsLeftOutOfMonthsBeforeItJoined() {
        UnitFact joinedInSeptember = new UnitFact("U099", "新设单位", 3, true,
                List.of(new Membership(3, "2026-09", null)));
        Facts base = CircularFixtures.facts();
        Facts facts = base.withUnits(List.of(joinedInSeptember));

        assertThat(calculator.forMonths(CircularFixtures.Q3, facts, CircularFixtures.NOW))
                .extracting(UnitMonthStatistics::month, UnitMonthStatistics::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-09", 3));
    }
}
