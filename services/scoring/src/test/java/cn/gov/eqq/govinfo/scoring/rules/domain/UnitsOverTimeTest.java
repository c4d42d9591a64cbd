package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Units over time: each month is scored with the membership the unit had in it (shipped policy: quota 8 in group 2,
 * 4 in group 3; nothing received costs −3 in both).
 */
class UnitsOverTimeTest {

    private static final ReportingPeriod JULY = ReportingPeriod.month(2026, 7);
    private static final ReportingPeriod AUGUST = ReportingPeriod.month(2026, 8);
    private static final ReportingPeriod SEPTEMBER = ReportingPeriod.month(2026, 9);
    private static final ReportingPeriod OCTOBER = ReportingPeriod.month(2026, 10);
    private static final ReportingPeriod Q3 = ReportingPeriod.quarter(2026, 3);

    /** In group 2 since 2022-07, in group 3 from August 2026. */
    private static final Unit MOVED_IN_AUGUST = new Unit("U013", "财政局", 3, true, null, List.of(
            new Membership(2, Unit.FIRST_MONTH, AUGUST), new Membership(3, AUGUST, null)));
    /** In group 2 since 2022-07, left from September 2026. */
    private static final Unit LEFT_IN_SEPTEMBER = new Unit("U009", "民族事务委员会", 2, false, null, List.of(
            new Membership(2, Unit.FIRST_MONTH, SEPTEMBER)));
    /** Joined group 2 in October 2026. */
    private static final Unit JOINED_IN_OCTOBER = new Unit("U060", "数据局", 2, true, null, List.of(
            new Membership(2, OCTOBER, null)));
    private static final Unit STAYED_IN_TWO = new Unit("U006", "发改委", 2, true, null);
    private static final Unit STAYED_IN_THREE = new Unit("U042", "大数据中心", 3, true, null);

    private static List<LedgerEntry> briefs(String unitId, String prefix, int count, String dayBj) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.addAll(Facts.score(prefix + i, received(prefix + i, unitId, "BRIEF", dayBj + "T09:00")));
        }
        return entries;
    }

    @Test
    void unitThatJoinsInOctoberHasNoQuotaAndNoDeductionForTheMonthsBefore() {
        UnitPeriodScore year = PeriodScoring.unitScore("U060", JOINED_IN_OCTOBER, ReportingPeriod.year(2026), List.of(),
                Facts.SHIPPED, LocalDate.of(2026, 12, 6));

        assertThat(year.quota()).isEqualTo(3 * 8); // October, November and the running December
        assertThat(year.deductionPoints()).isEqualTo(2 * -3); // October and November ended with nothing
        assertThat(year.openMonths()).containsExactly(ReportingPeriod.month(2026, 12));
        assertThat(year.entries()).extracting(LedgerEntry::month)
                .containsExactly(OCTOBER, ReportingPeriod.month(2026, 11));
    }

    @Test
    void itemOfAMonthBeforeTheUnitJoinedCountsNowhere() {
        List<LedgerEntry> entries = new ArrayList<>(briefs("U060", "S", 2, "2026-09-15"));
        entries.addAll(briefs("U060", "O", 8, "2026-10-15"));

        UnitPeriodScore year = PeriodScoring.unitScore("U060", JOINED_IN_OCTOBER, ReportingPeriod.year(2026), entries,
                Facts.SHIPPED, LocalDate.of(2026, 11, 10));
        Ranking september = PeriodScoring.rank(2, SEPTEMBER, new UnitDirectory(List.of(JOINED_IN_OCTOBER)),
                Map.of("U060", entries), Facts.SHIPPED, LocalDate.of(2026, 11, 10));

        assertThat(year.receivedItems()).isEqualTo(8);
        assertThat(year.points()).isEqualTo(8);
        assertThat(september.lines()).isEmpty();
    }

    @Test
    void unitThatLeftHasNoQuotaAndNoDeductionFromTheMonthItLeft() {
        UnitPeriodScore year = PeriodScoring.unitScore("U009", LEFT_IN_SEPTEMBER, ReportingPeriod.year(2026), List.of(),
                Facts.SHIPPED, LocalDate.of(2026, 12, 6));

        assertThat(year.quota()).isEqualTo(8 * 8); // January to August
        assertThat(year.deductionPoints()).isEqualTo(8 * -3);
        assertThat(year.group()).isEqualTo(2);
    }

    @Test
    void unitThatLeftStillStandsInTheRankingsOfThePeriodsInWhichItWasAMember() {
        UnitDirectory directory = new UnitDirectory(List.of(LEFT_IN_SEPTEMBER, STAYED_IN_TWO));
        Map<String, List<LedgerEntry>> entries = Map.of(
                "U009", briefs("U009", "L", 8, "2026-07-10"),
                "U006", briefs("U006", "S", 8, "2026-09-10"));
        LocalDate today = LocalDate.of(2026, 10, 10);

        Ranking july = PeriodScoring.rank(2, JULY, directory, entries, Facts.SHIPPED, today);
        Ranking september = PeriodScoring.rank(2, SEPTEMBER, directory, entries, Facts.SHIPPED, today);
        Ranking q3 = PeriodScoring.rank(2, Q3, directory, entries, Facts.SHIPPED, today);

        assertThat(july.lines()).extracting(l -> l.rank(), l -> l.score().unitId(), l -> l.score().points())
                .containsExactly(tuple(1, "U009", 8), tuple(2, "U006", -3));
        assertThat(september.lines()).extracting(l -> l.score().unitId()).containsExactly("U006");
        // U009: July 8 of 8, August nothing (−3), September no member; U006: July and August −3 each, September 8
        assertThat(q3.lines()).extracting(l -> l.score().unitId(), l -> l.score().points(), l -> l.score().quota())
                .containsExactly(tuple("U009", 8 - 3, 16), tuple("U006", 8 - 6, 24));
    }

    @Test
    void unitThatMovedInTheMiddleOfAQuarterStandsInBothGroupsQuarterRankingsWithItsOwnMonths() {
        UnitDirectory directory = new UnitDirectory(List.of(MOVED_IN_AUGUST, STAYED_IN_TWO, STAYED_IN_THREE));
        List<LedgerEntry> moved = new ArrayList<>(briefs("U013", "J", 8, "2026-07-10"));
        moved.addAll(briefs("U013", "A", 4, "2026-08-10"));
        Map<String, List<LedgerEntry>> entries = Map.of("U013", moved);
        LocalDate today = LocalDate.of(2026, 10, 10);

        Ranking groupTwo = PeriodScoring.rank(2, Q3, directory, entries, Facts.SHIPPED, today);
        Ranking groupThree = PeriodScoring.rank(3, Q3, directory, entries, Facts.SHIPPED, today);

        UnitPeriodScore inTwo = groupTwo.lines().stream().map(Ranking.Line::score)
                .filter(s -> s.unitId().equals("U013")).findFirst().orElseThrow();
        UnitPeriodScore inThree = groupThree.lines().stream().map(Ranking.Line::score)
                .filter(s -> s.unitId().equals("U013")).findFirst().orElseThrow();
        // group 2: July only, 8 of 8
        assertThat(inTwo).extracting(UnitPeriodScore::group, UnitPeriodScore::points, UnitPeriodScore::quota,
                UnitPeriodScore::receivedItems, UnitPeriodScore::deductionPoints).containsExactly(2, 8, 8, 8, 0);
        // group 3: August 4 of 4, September nothing (−3)
        assertThat(inThree).extracting(UnitPeriodScore::group, UnitPeriodScore::points, UnitPeriodScore::quota,
                UnitPeriodScore::receivedItems, UnitPeriodScore::deductionPoints).containsExactly(3, 4 - 3, 8, 4, -3);
        assertThat(groupTwo.lines()).extracting(l -> l.score().unitId()).containsExactly("U013", "U006");
        assertThat(groupThree.lines()).extracting(l -> l.score().unitId()).containsExactly("U013", "U042");
    }

    @Test
    void itemIsCreditedToTheGroupTheUnitWasInInTheItemsMonth() {
        UnitDirectory directory = new UnitDirectory(List.of(MOVED_IN_AUGUST));
        Map<String, List<LedgerEntry>> entries = Map.of("U013",
                Facts.score("P", received("P", "U013", "PROBLEM", "2026-07-20T09:00")));
        LocalDate today = LocalDate.of(2026, 10, 10);

        Ranking julyInTwo = PeriodScoring.rank(2, JULY, directory, entries, Facts.SHIPPED, today);
        Ranking julyInThree = PeriodScoring.rank(3, JULY, directory, entries, Facts.SHIPPED, today);
        Ranking augustInTwo = PeriodScoring.rank(2, AUGUST, directory, entries, Facts.SHIPPED, today);

        assertThat(julyInTwo.lines()).singleElement().satisfies(l -> {
            assertThat(l.score().submissionPoints()).isEqualTo(5);
            assertThat(l.score().receivedItems()).isEqualTo(1);
        });
        assertThat(julyInThree.lines()).isEmpty();
        assertThat(augustInTwo.lines()).isEmpty();
    }

    @Test
    void unitsOwnScoreTakesEachMonthsQuotaFromTheGroupOfThatMonth() {
        UnitPeriodScore q3 = PeriodScoring.unitScore("U013", MOVED_IN_AUGUST, Q3, List.of(), Facts.SHIPPED,
                LocalDate.of(2026, 10, 10));

        assertThat(q3.quota()).isEqualTo(8 + 4 + 4);
        assertThat(q3.deductionPoints()).isEqualTo(3 * -3);
        assertThat(q3.group()).isEqualTo(3);
        assertThat(q3.entries()).extracting(LedgerEntry::explanation).containsExactly(
                "2026年7月接收信息 0 条，基础条数 8 条，差 8 条（当月未报送），按梯次扣分 -3（扣分梯次为示例，待信息室确定）",
                "2026年8月接收信息 0 条，基础条数 4 条，差 4 条（当月未报送），按梯次扣分 -3（扣分梯次为示例，待信息室确定）",
                "2026年9月接收信息 0 条，基础条数 4 条，差 4 条（当月未报送），按梯次扣分 -3（扣分梯次为示例，待信息室确定）");
    }

    @Test
    void directoryKnowsEveryGroupAUnitEverBelongedTo() {
        UnitDirectory directory = new UnitDirectory(List.of(MOVED_IN_AUGUST));

        assertThat(directory.groups()).containsExactly(2, 3);
    }

    @Test
    void moveDatedBackChangesMembershipFromItsEffectiveMonth() {
        Unit before = new Unit("U013", "财政局", 2, true, null);

        assertThat(MOVED_IN_AUGUST.firstMonthDifferingFrom(before, OCTOBER)).contains(AUGUST);
        assertThat(JOINED_IN_OCTOBER.firstMonthDifferingFrom(null, ReportingPeriod.month(2026, 12))).contains(OCTOBER);
    }

    @Test
    void renameChangesNoMonthsMembership() {
        Unit before = new Unit("U013", "财政局", 2, true, null);
        Unit renamed = new Unit("U013", "财政局（国资委）", 2, true, null);

        assertThat(renamed.firstMonthDifferingFrom(before, OCTOBER)).isEmpty();
    }
}
