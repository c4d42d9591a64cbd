package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.forwarded;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PeriodScoringTest {

    private static final LocalDate AFTER_JULY = LocalDate.of(2026, 8, 10);
    private static final Unit FINANCE = new Unit("U013", "财政局", 2, true, null);

    /** docs/rules.md worked example 1. */
    @Test
    void groupTwoUnitWithSixDynamicOneProblemAndOneForwardInJulyHasThirteenPointsAndIsOneItemShort() {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            entries.addAll(Facts.score("D" + i, received("D" + i, "U013", "DYNAMIC", "2026-07-0" + i + "T09:00")));
        }
        entries.addAll(Facts.score("P", received("P", "U013", "PROBLEM", "2026-07-20T09:00")));
        entries.addAll(Facts.score("F", received("F", "U013", "DYNAMIC", "2026-07-21T09:00"),
                forwarded("F", "U013", "2026-07-22T09:00")));
        // the forwarded item is one of the six dynamic ones in the example: drop one plain one
        entries.removeIf(e -> "D6".equals(e.itemId()));

        UnitPeriodScore july = PeriodScoring.unitScore("U013", FINANCE, ReportingPeriod.month(2026, 7), entries,
                Facts.SHIPPED, AFTER_JULY);

        assertThat(july.submissionPoints() + july.forwardPoints() + july.adoptionPoints()
                + july.commissionPoints()).isEqualTo(13);
        assertThat(july.submissionPoints()).isEqualTo(11);
        assertThat(july.forwardPoints()).isEqualTo(2);
        assertThat(july.receivedItems()).isEqualTo(7);
        assertThat(july.quota()).isEqualTo(8);
        assertThat(july.shortfall()).isEqualTo(1);
        // example tiers: one short costs one point
        assertThat(july.deductionPoints()).isEqualTo(-1);
        assertThat(july.points()).isEqualTo(12);
        assertThat(july.entries()).filteredOn(e -> e.source() == PointSource.DEDUCTION).singleElement()
                .satisfies(e -> assertThat(e.explanation())
                        .isEqualTo("2026年7月接收信息 7 条，基础条数 8 条，差 1 条，按梯次扣分 -1（扣分梯次为示例，待信息室确定）"));
    }

    @ParameterizedTest(name = "{0} received of 8 → {1}")
    @CsvSource({"8,0", "12,0", "7,-1", "6,-1", "5,-2", "4,-2", "3,-3", "1,-3", "0,-3"})
    void shortfallCostsPointsInTheExampleTiers(int received, int deduction) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < received; i++) {
            entries.addAll(Facts.score("I" + i, received("I" + i, "U013", "BRIEF", "2026-07-15T09:00")));
        }

        UnitPeriodScore july = PeriodScoring.unitScore("U013", FINANCE, ReportingPeriod.month(2026, 7), entries,
                Facts.SHIPPED, AFTER_JULY);

        assertThat(july.deductionPoints()).isEqualTo(deduction);
        assertThat(july.points()).isEqualTo(received + deduction);
    }

    @Test
    void groupThreeHasAQuotaOfFour() {
        Unit centre = new Unit("U042", "大数据中心", 3, true, null);
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.addAll(Facts.score("I" + i, received("I" + i, "U042", "BRIEF", "2026-07-15T09:00")));
        }

        UnitPeriodScore july = PeriodScoring.unitScore("U042", centre, ReportingPeriod.month(2026, 7), entries,
                Facts.SHIPPED, AFTER_JULY);

        assertThat(july.quota()).isEqualTo(4);
        assertThat(july.shortfall()).isZero();
        assertThat(july.deductionPoints()).isZero();
    }

    @Test
    void aMonthStillRunningShowsItsShortfallButDeductsNothingYet() {
        List<LedgerEntry> entries = Facts.score("I", received("I", "U013", "BRIEF", "2026-07-02T09:00"));

        UnitPeriodScore july = PeriodScoring.unitScore("U013", FINANCE, ReportingPeriod.month(2026, 7), entries,
                Facts.SHIPPED, LocalDate.of(2026, 7, 31));

        assertThat(july.shortfall()).isEqualTo(7);
        assertThat(july.deductionPoints()).isZero();
        assertThat(july.openMonths()).containsExactly(ReportingPeriod.month(2026, 7));
    }

    @Test
    void quarterSumsItsMonthsAndMonthsNotBegunCountForNothing() {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            entries.addAll(Facts.score("J" + i, received("J" + i, "U013", "BRIEF", "2026-07-15T09:00")));
        }
        entries.addAll(Facts.score("A", received("A", "U013", "PROBLEM", "2026-08-15T09:00")));

        UnitPeriodScore q3 = PeriodScoring.unitScore("U013", FINANCE, ReportingPeriod.quarter(2026, 3), entries,
                Facts.SHIPPED, LocalDate.of(2026, 9, 5));

        // July complete, August one of eight (−3 for ≥5 short), September running
        assertThat(q3.receivedItems()).isEqualTo(9);
        assertThat(q3.quota()).isEqualTo(24);
        assertThat(q3.shortfall()).isEqualTo(0 + 7 + 8);
        assertThat(q3.deductionPoints()).isEqualTo(-3);
        assertThat(q3.points()).isEqualTo(8 + 5 - 3);
        assertThat(q3.openMonths()).containsExactly(ReportingPeriod.month(2026, 9));

        UnitPeriodScore year = PeriodScoring.unitScore("U013", FINANCE, ReportingPeriod.year(2026), entries,
                Facts.SHIPPED, LocalDate.of(2026, 9, 5));
        // January to June: nothing received, −3 each
        assertThat(year.deductionPoints()).isEqualTo(6 * -3 - 3);
        assertThat(year.quota()).isEqualTo(9 * 8);
    }

    @Test
    void voidedItemHasNoPlaceInTheQuota() {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            entries.addAll(Facts.score("I" + i, received("I" + i, "U013", "BRIEF", "2026-07-15T09:00")));
        }
        entries.removeIf(e -> e.itemId().equals("I7"));
        entries.addAll(Facts.score("I7", received("I7", "U013", "BRIEF", "2026-07-15T09:00"),
                Facts.voided("I7", "U013", "2026-07-20T09:00")));

        UnitPeriodScore july = PeriodScoring.unitScore("U013", FINANCE, ReportingPeriod.month(2026, 7), entries,
                Facts.SHIPPED, AFTER_JULY);

        assertThat(july.receivedItems()).isEqualTo(7);
        assertThat(july.shortfall()).isEqualTo(1);
        assertThat(july.entries()).extracting(LedgerEntry::source).contains(PointSource.VOID);
    }

    @Test
    void equalPointsShareARankTiesAreListedByUnitIdAndInactiveUnitsAreNotRanked() {
        UnitDirectory directory = new UnitDirectory(List.of(
                new Unit("U006", "发改委", 2, true, null),
                new Unit("U007", "教体局", 2, true, null),
                new Unit("U008", "工信和科技局", 2, true, null),
                new Unit("U009", "民族事务委员会", 2, false, null),
                new Unit("U002", "敖勒召其镇", 1, true, null)));
        Map<String, List<LedgerEntry>> entries = Map.of(
                "U007", Facts.score("a", received("a", "U007", "PROBLEM", "2026-07-01T09:00")),
                "U008", Facts.score("b", received("b", "U008", "PROBLEM", "2026-07-01T09:00")),
                "U009", Facts.score("c", received("c", "U009", "RESEARCH_REPORT", "2026-07-01T09:00")),
                "U006", Facts.score("d", received("d", "U006", "BRIEF", "2026-07-01T09:00")));

        Ranking ranking = PeriodScoring.rank(2, ReportingPeriod.month(2026, 7), directory, entries, Facts.SHIPPED,
                LocalDate.of(2026, 7, 20));

        assertThat(ranking.lines()).extracting(l -> l.rank(), l -> l.score().unitId(), l -> l.score().points())
                .containsExactly(tuple(1, "U007", 5), tuple(1, "U008", 5), tuple(3, "U006", 1));
        assertThat(ranking.policyVersions()).containsExactly("2022-07-06");
    }

    @Test
    void unitWithNothingReceivedIsRankedWithItsDeduction() {
        UnitDirectory directory = new UnitDirectory(List.of(new Unit("U037", "营商环境促进中心", 3, true, null),
                new Unit("U038", "投资项目代建中心", 3, true, null)));

        Ranking ranking = PeriodScoring.rank(3, ReportingPeriod.month(2026, 7), directory,
                Map.of("U038", Facts.score("a", received("a", "U038", "BRIEF", "2026-07-01T09:00"))),
                Facts.SHIPPED, AFTER_JULY);

        assertThat(ranking.lines()).extracting(l -> l.rank(), l -> l.score().unitId(), l -> l.score().points())
                .containsExactly(tuple(1, "U038", 1 - 2), tuple(2, "U037", -3));
    }

    @Test
    void unitUnknownToTheDirectoryHasItsPointsButNoQuota() {
        UnitPeriodScore s = PeriodScoring.unitScore("U999", null, ReportingPeriod.month(2026, 7),
                Facts.score("a", received("a", "U999", "BRIEF", "2026-07-01T09:00")), Facts.SHIPPED, AFTER_JULY);

        assertThat(s.points()).isEqualTo(1);
        assertThat(s.quota()).isZero();
        assertThat(s.group()).isNull();
    }
}
