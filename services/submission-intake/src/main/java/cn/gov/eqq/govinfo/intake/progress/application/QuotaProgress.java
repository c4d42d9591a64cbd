package cn.gov.eqq.govinfo.intake.progress.application;

import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.item.domain.Actor;
import cn.gov.eqq.govinfo.intake.item.domain.ItemPermissions;
import cn.gov.eqq.govinfo.intake.item.domain.ReportingPeriod;
import cn.gov.eqq.govinfo.intake.item.domain.Role;
import cn.gov.eqq.govinfo.intake.unit.application.UnitService;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Live quota progress for a month: received items counted in the month of the received version's submission
 * (Beijing), voided ones not at all, against the configured copy of the group quota. Points and deductions are
 * scoring's business; this is the unit's and the room's running tally.
 */
public class QuotaProgress {

    public record UnitProgress(String unitId, String unitName, int group, long received, int quota, long shortfall) {
    }

    public record GroupProgress(int group, int quota, int units, long received, long unitsOnQuota) {
    }

    public record Progress(String month, List<GroupProgress> groups, List<UnitProgress> units) {
    }

    private final ItemStore items;
    private final UnitService units;
    private final QuotaCopy quota;
    private final Clock clock;

    public QuotaProgress(ItemStore items, UnitService units, QuotaCopy quota, Clock clock) {
        this.items = items;
        this.units = units;
        this.quota = quota;
        this.clock = clock;
    }

    public Progress of(Actor actor, String month) {
        ReportingPeriod period = month == null || month.isBlank() ? ReportingPeriod.monthOf(clock.instant())
                : ReportingPeriod.parse(month).filter(p -> p.name().matches("\\d{4}-\\d{2}"))
                .orElseThrow(() -> ApiProblem.badRequest("month.invalid", "月份格式应为 2026-07").withField("month", "月份格式不正确"));
        List<Unit> shown;
        if (ItemPermissions.seesAllUnits(actor)) {
            shown = units.all().stream().filter(Unit::active).toList();
        } else if (actor.unitId() != null && (actor.has(Role.REPORTER) || actor.has(Role.UNIT_LEADER))) {
            shown = units.find(actor.unitId()).stream().toList();
        } else {
            throw ApiProblem.forbidden("您的角色无权查看报送进度");
        }
        Map<String, Long> counts = items.receivedCountsByUnit(period.from(), period.to());
        List<UnitProgress> rows = shown.stream()
                .sorted(Comparator.comparing(Unit::group).thenComparing(Unit::id))
                .map(u -> {
                    long received = counts.getOrDefault(u.id(), 0L);
                    int q = quota.of(u.group());
                    return new UnitProgress(u.id(), u.name(), u.group(), received, q, Math.max(0, q - received));
                }).toList();
        List<GroupProgress> groups = rows.stream().collect(Collectors.groupingBy(UnitProgress::group))
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new GroupProgress(e.getKey(), quota.of(e.getKey()), e.getValue().size(),
                        e.getValue().stream().mapToLong(UnitProgress::received).sum(),
                        e.getValue().stream().filter(r -> r.shortfall() == 0).count()))
                .toList();
        return new Progress(period.name(), groups, rows);
    }
}
