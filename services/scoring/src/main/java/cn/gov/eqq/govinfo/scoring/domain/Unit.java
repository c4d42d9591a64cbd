package cn.gov.eqq.govinfo.scoring.domain;

import java.time.Instant;

/** A reporting unit (报送单位) as the unit directory says now. Inactive units keep their history but are not ranked. */
public record Unit(String unitId, String name, int group, boolean active, Instant changedAt) {

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
