package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Sums ledger entries into a unit's score for a period and ranks a group. Quota and deduction are per month
 * (by the version in force on the month's first day, with the tiers of the group the unit belonged to in that month;
 * none for a month that began before the first version, nor for a month in which the unit was no member); a quarter
 * or year sums its months. An item counts for the group its unit belonged to in the item's month. A month that has not
 * ended yet (in Beijing time, as of {@code today}) shows its shortfall but deducts nothing until it is over;
 * months not yet begun count for neither quota nor shortfall.
 */
public final class PeriodScoring {

    private static final Comparator<LedgerEntry> LEDGER_ORDER = Comparator.comparing(LedgerEntry::date)
            .thenComparing(LedgerEntry::entryId);

    private PeriodScoring() {
    }

    /**
     * A unit's own score for a period: the months in which it belonged to any group, each with that month's group.
     *
     * @param unitEntries the unit's item entries (any period; those outside {@code period} are ignored)
     * @param unit        the unit as the directory has it, or null when unknown (its points count, no quota then)
     */
    public static UnitPeriodScore unitScore(String unitId, Unit unit, ReportingPeriod period,
                                            Collection<LedgerEntry> unitEntries, PolicyHistory policies,
                                            LocalDate today) {
        if (unit == null) {
            return score(unitId, null, null, period, month -> true, unitEntries, policies, today);
        }
        Integer shown = period.months().stream().map(unit::groupIn).flatMap(Optional::stream)
                .reduce((first, second) -> second).orElse(unit.group());
        return score(unitId, unit, shown, period, month -> unit.groupIn(month).isPresent(), unitEntries, policies,
                today);
    }

    /**
     * A unit's score in a group's ranking: only the months of the period in which it belonged to that group, their
     * items, quota and deduction (a unit that moved in the middle of a quarter stands in both groups' rankings, each
     * with its own months there).
     */
    public static UnitPeriodScore scoreInGroup(Unit unit, int group, ReportingPeriod period,
                                               Collection<LedgerEntry> unitEntries, PolicyHistory policies,
                                               LocalDate today) {
        return score(unit.unitId(), unit, group, period,
                month -> unit.groupIn(month).filter(g -> g == group).isPresent(), unitEntries, policies, today);
    }

    private static UnitPeriodScore score(String unitId, Unit unit, Integer shownGroup, ReportingPeriod period,
                                         Predicate<ReportingPeriod> counted, Collection<LedgerEntry> unitEntries,
                                         PolicyHistory policies, LocalDate today) {
        List<LedgerEntry> entries = new ArrayList<>(unitEntries.stream()
                .filter(e -> unitId.equals(e.unitId()) && period.contains(e.month()) && counted.test(e.month()))
                .toList());
        int quota = 0;
        int shortfall = 0;
        List<ReportingPeriod> open = new ArrayList<>();
        for (ReportingPeriod month : period.months()) {
            if (month.firstDay().isAfter(today) || unit == null || !counted.test(month)) {
                continue; // not begun, unknown unit, or not a member (of this group) that month: no quota
            }
            int group = unit.groupIn(month).orElseThrow();
            ScoringPolicy policy = policies.inForceOn(month.firstDay()).orElse(null);
            if (policy == null) {
                continue; // a month that began before the first version: no quota, no deduction
            }
            int monthQuota = policy.quotaOf(group);
            int received = (int) entries.stream()
                    .filter(e -> e.source() == PointSource.SUBMISSION && e.month().equals(month)).count();
            int monthShortfall = Math.max(0, monthQuota - received);
            quota += monthQuota;
            shortfall += monthShortfall;
            if (!month.lastDay().isBefore(today)) {
                open.add(month);
                continue;
            }
            int deduction = policy.shortfallOf(group).deductionFor(received, monthQuota);
            if (monthShortfall > 0) {
                entries.add(deductionEntry(unitId, group, month, received, monthQuota, monthShortfall, deduction,
                        policy));
            }
        }
        entries.sort(LEDGER_ORDER);
        int submission = sum(entries, PointSource.SUBMISSION);
        int forward = sum(entries, PointSource.FORWARD);
        int adoption = sum(entries, PointSource.ADOPTION);
        int commission = sum(entries, PointSource.COMMISSION);
        int deduction = sum(entries, PointSource.DEDUCTION);
        int received = (int) entries.stream().filter(e -> e.source() == PointSource.SUBMISSION).count();
        return new UnitPeriodScore(unitId, unit == null ? null : unit.name(), shownGroup,
                period, submission + forward + adoption + commission + deduction, submission, forward, adoption,
                commission, deduction, received, quota, shortfall, open, entries);
    }

    /**
     * Ranks the units that belonged to the group in any month of the period, each with its months in the group;
     * units with no entries are listed too (with their deductions).
     */
    public static Ranking rank(int group, ReportingPeriod period, UnitDirectory directory,
                               Map<String, List<LedgerEntry>> entriesByUnit, PolicyHistory policies,
                               LocalDate today) {
        List<UnitPeriodScore> scores = directory.rankedIn(group, period).stream()
                .map(u -> scoreInGroup(u, group, period,
                        entriesByUnit.getOrDefault(u.unitId(), List.<LedgerEntry>of()), policies, today))
                .sorted(Comparator.comparingInt(UnitPeriodScore::points).reversed()
                        .thenComparing(UnitPeriodScore::unitId))
                .toList();
        List<Ranking.Line> lines = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            int rank = i > 0 && scores.get(i).points() == scores.get(i - 1).points() ? lines.get(i - 1).rank() : i + 1;
            lines.add(new Ranking.Line(rank, scores.get(i)));
        }
        List<String> versions = policies.inForceDuring(period).stream().map(ScoringPolicy::version).toList();
        return new Ranking(group, period, versions, lines);
    }

    private static LedgerEntry deductionEntry(String unitId, int group, ReportingPeriod month, int received, int quota,
                                              int shortfall, int deduction, ScoringPolicy policy) {
        String why = month.label() + "接收信息 " + received + " 条，基础条数 " + quota + " 条，差 " + shortfall + " 条"
                + (received == 0 ? "（当月未报送）" : "") + "，按梯次扣分 " + ItemScoring.signed(deduction)
                + (policy.shortfallOf(group).example() ? "（扣分梯次为示例，待信息室确定）" : "");
        return new LedgerEntry(unitId + ":deduction:" + month, unitId, null, month, month.lastDay(),
                PointSource.DEDUCTION, "shortfall", deduction, why, null, policy.version());
    }

    private static int sum(List<LedgerEntry> entries, PointSource source) {
        return entries.stream().filter(e -> e.source() == source).mapToInt(LedgerEntry::points).sum();
    }
}
