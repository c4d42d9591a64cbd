package cn.gov.eqq.govinfo.intake.unit.domain;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One span in which a unit belonged to a ranking group: from its first month up to (not including) {@code until}.
 *
 * @param until the first month no longer in the span (the month the unit left or moved), or null while it lasts
 */
public record Membership(int group, YearMonth from, YearMonth until) {

    public Membership {
        Objects.requireNonNull(from, "from");
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("a span ends after it begins: " + from + " – " + until);
        }
    }

    /** Whether {@code month} lies in the span. */
    public boolean covers(YearMonth month) {
        return !from.isAfter(month) && (until == null || month.isBefore(until));
    }

    public boolean open() {
        return until == null;
    }

    Membership endingAt(YearMonth month) {
        return new Membership(group, from, month);
    }
}
