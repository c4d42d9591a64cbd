package cn.gov.eqq.govinfo.reporting.statistics.domain;

import cn.gov.eqq.govinfo.reporting.facts.domain.AdoptionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact.Responsiveness;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact;
import cn.gov.eqq.govinfo.reporting.shared.domain.PeriodType;
import cn.gov.eqq.govinfo.reporting.shared.domain.ReportingPeriod;
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

/** Per unit and month: what was received, of what kind, how fast, how much was adopted, how commissions went. */
public final class StatisticsCalculator {

    private final Set<String> instructionKinds;

    /** @param instructionKinds kinds that are leader instructions, not adoptions (they do not make an item adopted) */
    public StatisticsCalculator(Set<String> instructionKinds) {
        this.instructionKinds = Set.copyOf(instructionKinds);
    }

    public List<UnitMonthStatistics> forMonths(ReportingPeriod period, Facts facts, Instant now) {
        List<UnitMonthStatistics> all = new ArrayList<>();
        List<UnitFact> units = facts.units().stream()
                .sorted(Comparator.comparingInt(UnitFact::group).thenComparing(UnitFact::id)).toList();
        for (ReportingPeriod month : period.months()) {
            for (UnitFact u : units) {
                all.add(of(u, month, facts, now));
            }
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
                        i.submittedAt().atZone(ReportingPeriod.BEIJING).toLocalDate()));
            }
        }
        Set<String> adopted = facts.adoptions().stream()
                .filter(a -> !a.withdrawn() && !instructionKinds.contains(a.kind()))
                .map(AdoptionFact::itemId).collect(Collectors.toSet());
        int adoptedItems = (int) items.stream().filter(i -> adopted.contains(i.id())).count();

        return new UnitMonthStatistics(unit.id(), unit.name(), unit.group(), month.code(), items.size(), byCategory,
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
                decided == 0 ? null : round((double) answered / decided));
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
