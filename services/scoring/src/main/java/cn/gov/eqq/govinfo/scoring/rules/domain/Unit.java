package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A reporting unit (报送单位) as the unit directory says now, with its whole effective-dated membership: a month is
 * scored with the group the unit belonged to in that month; in a month in which it was no member it has no quota,
 * no deduction and no place in a ranking.
 *
 * @param group       the group now (or the last one, for a unit that left)
 * @param active      whether the unit is a member now
 * @param memberships every span of membership, oldest first
 */
public record Unit(String unitId, String name, int group, boolean active, Instant changedAt,
                   List<Membership> memberships) {

    /** The first month of the appraisal: the notice applies from 2022-07-06. */
    public static final ReportingPeriod FIRST_MONTH = ReportingPeriod.month(2022, 7);

    public Unit {
        memberships = memberships.stream().sorted(Comparator.comparing(Membership::from)).toList();
    }

    /**
     * A unit that has been a member of {@code group} since {@link #FIRST_MONTH} while active, or that was never a
     * member when inactive.
     */
    public Unit(String unitId, String name, int group, boolean active, Instant changedAt) {
        this(unitId, name, group, active, changedAt,
                active ? List.of(new Membership(group, FIRST_MONTH, null)) : List.of());
    }

    /** The group the unit belonged to in this month, or empty when it was no member then. */
    public Optional<Integer> groupIn(ReportingPeriod month) {
        return memberships.stream().filter(m -> m.covers(month)).map(Membership::group).findFirst();
    }

    /** Whether the unit belonged to {@code group} in at least one month of the period. */
    public boolean memberOf(int group, ReportingPeriod period) {
        return period.months().stream().anyMatch(m -> groupIn(m).filter(g -> g == group).isPresent());
    }

    /** Every group the unit ever belonged to, and its group now. */
    public List<Integer> groupsEver() {
        return java.util.stream.Stream.concat(memberships.stream().map(Membership::group), java.util.stream.Stream.of(group))
                .distinct().sorted().toList();
    }

    /**
     * The first month in which this unit's membership differs from {@code before}'s (a group in one and another
     * group or none in the other), up to {@code lastMonth}; empty if none differs.
     */
    public Optional<ReportingPeriod> firstMonthDifferingFrom(Unit before, ReportingPeriod lastMonth) {
        ReportingPeriod first = java.util.stream.Stream.concat(memberships.stream(),
                        before == null ? java.util.stream.Stream.<Membership>empty() : before.memberships.stream())
                .map(Membership::from).min(Comparator.naturalOrder()).orElse(lastMonth.next());
        for (ReportingPeriod m = first; m.compareTo(lastMonth) <= 0; m = m.next()) {
            Optional<Integer> was = before == null ? Optional.empty() : before.groupIn(m);
            if (!was.equals(groupIn(m))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The later of two states of a unit wins (by change time, then by content for a stable order). */
    public Unit newer(Unit other) {
        if (other == null) {
            return this;
        }
        int c = compare(changedAt, other.changedAt);
        if (c == 0) {
            c = toString().compareTo(other.toString());
        }
        return c >= 0 ? this : other;
    }

    private static int compare(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
