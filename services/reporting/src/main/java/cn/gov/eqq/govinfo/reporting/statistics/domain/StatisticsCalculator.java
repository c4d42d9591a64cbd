package cn.gov.eqq.govinfo.reporting.statistics.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.reporting.facts.domain.AdoptionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact.Responsiveness;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemScore;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact;
import cn.gov.eqq.govinfo.contracts.calendar.PeriodType;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics.CommissionResponse;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics.Timeliness;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Per unit and month: what was received, of what kind, how fast, how much was adopted, how commissions went. A unit
 * stands in the group it belonged to in that month; commission bonuses are scoring's COMMISSION lines (one +10 per
 * accepted on-time item), not counted here.
 */
public final class StatisticsCalculator {

    /** Instruction kinds end so in the contract's vocabulary (e.g. CITY_LEADER_INSTRUCTION): not an adoption. */
    private static final String INSTRUCTION_SUFFIX = "_INSTRUCTION";

    /**
     * Every month of the period, each unit that was a member that month in the group of that month (a unit that moved
     * stands in its old group before the move and in its new one after); a unit not a member that month is left out
     * unless it has received items then.
     */
    public List<UnitMonthStatistics> forMonths(ReportingPeriod period, Facts facts, Instant now) {
        List<UnitMonthStatistics> all = new ArrayList<>();
        for (ReportingPeriod month : period.months()) {
            all.addAll(facts.units().stream()
                    .map(u -> of(u, month, facts, now))
                    .filter(m -> m.group() > 0 || m.receivedItems() > 0)
                    .sorted(Comparator.comparingInt(UnitMonthStatistics::group)
                            .thenComparing(UnitMonthStatistics::unitId))
                    .toList());
        }
        return all;
    }

    public UnitMonthStatistics of(UnitFact unit, ReportingPeriod month, Facts facts, Instant now) {
        if (month.type() != PeriodType.MONTH) {
            throw new IllegalArgumentException("统计按月计算：" + month);
        }
        List<ItemFact> items = facts.items().stream()
                .filter(i -> unit.id().equals(i.unitId()) && i.counts() && month.contains(i.submittedAt()))
                .toList();
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byTopic = new TreeMap<>();
        int good = 0;
        int problems = 0;
        List<Long> days = new ArrayList<>();
        for (ItemFact i : items) {
            if (i.category() != null) {
                byCategory.merge(i.category(), 1, Integer::sum);
            }
            i.topics().forEach(t -> byTopic.merge(t, 1, Integer::sum));
            if ("GOOD_NEWS".equals(i.polarity())) {
                good++;
            } else if ("PROBLEM".equals(i.polarity())) {
                problems++;
            }
            if (i.eventDate() != null && i.submittedAt() != null) {
                days.add(ChronoUnit.DAYS.between(i.eventDate(),
                        i.submittedAt().atZone(BeijingTime.ZONE).toLocalDate()));
            }
        }
        Set<String> adopted = facts.adoptions().stream()
                .filter(a -> !a.withdrawn() && a.kind() != null && !a.kind().endsWith(INSTRUCTION_SUFFIX))
                .map(AdoptionFact::itemId).collect(Collectors.toSet());
        int adoptedItems = (int) items.stream().filter(i -> adopted.contains(i.id())).count();

        int group = unit.groupIn(month.code()).orElse(0);
        return new UnitMonthStatistics(unit.id(), unit.name(), group, month.code(), items.size(), byCategory,
                byTopic, good, problems, good + problems == 0 ? null : round((double) problems / (good + problems)),
                timeliness(days), adoptedItems, items.isEmpty() ? null : round((double) adoptedItems / items.size()),
                commissions(unit.id(), month, facts, now));
    }

    private static Timeliness timeliness(List<Long> days) {
        if (days.isEmpty()) {
            return new Timeliness(0, null, null, null);
        }
        List<Long> sorted = days.stream().sorted().toList();
        double avg = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        // lower median: a whole number of days, as the office counts them
        long median = sorted.get((sorted.size() - 1) / 2);
        return new Timeliness(sorted.size(), round(avg), (int) median, sorted.get(sorted.size() - 1).intValue());
    }

    private static CommissionResponse commissions(String unitId, ReportingPeriod month, Facts facts, Instant now) {
        List<ItemScore.Line> bonuses = facts.itemScores().stream()
                .filter(s -> unitId.equals(s.unitId()) && !s.voided())
                .flatMap(s -> s.linesIn(ItemScore.COMMISSION, List.of(month.code())).stream())
                .filter(l -> l.points() > 0)
                .toList();
        int targeted = 0;
        int answered = 0;
        int late = 0;
        int rejected = 0;
        int missed = 0;
        int pending = 0;
        for (CommissionFact c : facts.commissions()) {
            if (!c.targetUnitIds().contains(unitId) || c.deadline() == null || !month.contains(c.deadline())) {
                continue;
            }
            targeted++;
            Responsiveness r = c.responsivenessOf(unitId, now);
            switch (r) {
                case ANSWERED -> answered++;
                case LATE -> late++;
                case REJECTED -> rejected++;
                case MISSED -> missed++;
                case PENDING -> pending++;
            }
        }
        int decided = targeted - pending;
        return new CommissionResponse(targeted, answered, late, rejected, missed, pending,
                decided == 0 ? null : round((double) answered / decided), bonuses.size(),
                bonuses.stream().mapToInt(ItemScore.Line::points).sum());
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
