package cn.gov.eqq.govinfo.intake.progress.domain;

import cn.gov.eqq.govinfo.intake.unit.domain.Unit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A month's quota as scoring decides it, read from the policy versions scoring published: the version in force on the
 * month's first day (Beijing) gives each group's quota, and a unit's group is the one it belonged to that month.
 * Before the first version there is no quota, and a unit that was no member that month has none either. Intake holds
 * no quota of its own.
 */
public final class MonthQuota {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final YearMonth month;
    private final Optional<QuotaVersion> inForce;
    private final Optional<QuotaVersion> first;

    public MonthQuota(YearMonth month, List<QuotaVersion> versions) {
        this.month = month;
        LocalDate firstDay = month.atDay(1);
        List<QuotaVersion> ordered = versions.stream()
                .sorted(Comparator.comparing(QuotaVersion::effectiveFrom)).toList();
        this.first = ordered.stream().findFirst();
        this.inForce = ordered.stream().filter(v -> !v.effectiveFrom().isAfter(firstDay))
                .reduce((earlier, later) -> later);
    }

    /** The version whose quota applies to the month, if any. */
    public Optional<QuotaVersion> version() {
        return inForce;
    }

    /** The group {@code unit} belonged to in the month; empty when it was no member then. */
    public Optional<Integer> groupOf(Unit unit) {
        return unit.groupIn(month);
    }

    /** The group's quota in the month; empty before the first version or for a group the version has no quota for. */
    public Optional<Integer> ofGroup(int group) {
        return inForce.map(v -> v.monthlyQuota().get(group));
    }

    /** The unit's quota in the month: its group's that month; empty when it was no member or no version applies. */
    public Optional<Integer> of(Unit unit) {
        return groupOf(unit).flatMap(this::ofGroup);
    }

    /** Why the month has no quota at all, in Chinese; empty when a version applies. */
    public Optional<String> absence() {
        if (inForce.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(first
                .map(v -> "本月初尚无积分标准（第一个版本 " + v.version() + " 自" + CHINESE_DATE.format(v.effectiveFrom())
                        + "起施行），本月不设基础条数，不计差额")
                .orElse("积分服务尚未发布积分标准，暂无基础条数，不计差额"));
    }
}
