package cn.gov.eqq.govinfo.reporting.facts.domain;

import java.util.List;
import java.util.Optional;

/**
 * A reporting unit as the unit directory last told it, with its effective-dated membership.
 *
 * @param group       the group now (or the last one of a unit that left)
 * @param memberships every span in which the unit belonged to a group, oldest first; null in facts kept before the
 *                    directory carried them (such a unit is taken to have always been in {@code group})
 */
public record UnitFact(String id, String name, int group, boolean active, List<Membership> memberships) {

    public UnitFact {
        memberships = memberships == null ? null : List.copyOf(memberships);
    }

    /** A unit whose membership history is not known: it stands in its current group. */
    public UnitFact(String id, String name, int group, boolean active) {
        this(id, name, group, active, null);
    }

    /**
     * @param fromMonth  first month of the span, {@code yyyy-MM} (Beijing calendar)
     * @param untilMonth first month no longer in it, or null while it lasts
     */
    public record Membership(int group, String fromMonth, String untilMonth) {

        boolean covers(String month) {
            return fromMonth.compareTo(month) <= 0 && (untilMonth == null || month.compareTo(untilMonth) < 0);
        }
    }

    /** The group the unit belonged to in {@code month} ({@code yyyy-MM}); empty when it was no member then. */
    public Optional<Integer> groupIn(String month) {
        if (memberships == null) {
            return Optional.of(group);
        }
        return memberships.stream().filter(m -> m.covers(month)).map(Membership::group).findFirst();
    }
}
