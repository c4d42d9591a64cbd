package cn.gov.eqq.govinfo.intake.progress.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.progress.domain.MonthQuota;
import cn.gov.eqq.govinfo.intake.progress.domain.QuotaVersion;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Live quota progress for a month: received items counted in the month of the received version's submission
 * (Beijing), voided ones not at all, against the quota scoring's policy gives that month ({@link MonthQuota}: the
 * version in force, the group each unit belonged to in that month). Before the first policy version there is no
 * quota, and the answer says so in Chinese. Points and deductions are scoring's business; this is the unit's and the
 * room's running tally.
 */
public class QuotaProgress {

    /**
     * @param group     the unit's group in the month (null: no member then)
     * @param quota     null when the month has no quota for the unit (no version in force, or no member)
     * @param shortfall null when there is no quota
     */
    public record UnitProgress(String unitId, String unitName, Integer group, long received, Integer quota,
                               Long shortfall) {
    }

    /** @param quota null before the first policy version; unitsOnQuota null then as well */
    public record GroupProgress(int group, Integer quota, int units, long received, Long unitsOnQuota) {
    }

    /**
     * @param policyVersion the version whose quota applies, null when none does
     * @param quotaNote     why there is no quota this month, in Chinese; null when a version applies
     */
    public record Progress(String month, String policyVersion, String quotaNote, List<GroupProgress> groups,
                           List<UnitProgress> units) {
    }

    private final ItemStore items;
    private final KeepingUnits units;
    private final PolicyVersions policies;
    private final Clock clock;

    public QuotaProgress(ItemStore items, KeepingUnits units, PolicyVersions policies, Clock clock) {
        this.items = items;
        this.units = units;
        this.policies = policies;
        this.clock = clock;
    }

    public Progress of(Actor actor, String month) {
        ReportingPeriod period = month == null || month.isBlank() ? ReportingPeriod.monthOf(clock.instant())
                : ReportingPeriod.tryParse(month).filter(ReportingPeriod::isMonth)
                .orElseThrow(() -> UseCaseFailure.invalid("month.invalid", "月份格式应为 2026-07").withField("month", "月份格式不正确"));
        MonthQuota quota = new MonthQuota(YearMonth.of(period.year(), period.index()), policies.all());
        List<Unit> shown;
        if (actor.seesAllUnits()) {
            shown = units.all().stream().filter(u -> quota.groupOf(u).isPresent()).toList();
        } else if (actor.worksForAUnit()) {
            shown = units.find(actor.unitId()).stream().toList();
        } else {
            throw UseCaseFailure.forbidden("您的角色无权查看报送进度");
        }
        Map<String, Long> counts = items.receivedCountsByUnit(period.startInstant(), period.endInstant());
        List<UnitProgress> rows = shown.stream()
                .map(u -> {
                    long received = counts.getOrDefault(u.id(), 0L);
                    Integer q = quota.of(u).orElse(null);
                    return new UnitProgress(u.id(), u.name(), quota.groupOf(u).orElse(null), received, q,
                            q == null ? null : Math.max(0, q - received));
                })
                .sorted(Comparator.comparing((UnitProgress r) -> r.group() == null ? Integer.MAX_VALUE : r.group())
                        .thenComparing(UnitProgress::unitId))
                .toList();
        List<GroupProgress> groups = rows.stream().filter(r -> r.group() != null)
                .collect(Collectors.groupingBy(UnitProgress::group))
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    Integer q = quota.ofGroup(e.getKey()).orElse(null);
                    return new GroupProgress(e.getKey(), q, e.getValue().size(),
                            e.getValue().stream().mapToLong(UnitProgress::received).sum(),
                            q == null ? null : e.getValue().stream().filter(r -> r.shortfall() == 0).count());
                })
                .toList();
        return new Progress(period.code(), quota.version().map(QuotaVersion::version).orElse(null),
                quota.absence().orElse(null), groups, rows);
    }
}
