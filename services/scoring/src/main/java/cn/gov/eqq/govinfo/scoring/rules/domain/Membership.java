package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.PeriodType;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.util.Objects;

/**
 * One span in which a unit belonged to a ranking group: from its first month up to (not including) {@code until}.
 *
 * @param from  the first month of the span (a month period)
 * @param until the first month after the span, or null while it lasts
 */
public record Membership(int group, ReportingPeriod from, ReportingPeriod until) {

    public Membership {
        Objects.requireNonNull(from, "from");
        if (from.type() != PeriodType.MONTH || until != null && until.type() != PeriodType.MONTH) {
            throw new IllegalArgumentException("a membership runs from month to month");
        }
    }

    public boolean covers(ReportingPeriod month) {
        return from.compareTo(month) <= 0 && (until == null || month.compareTo(until) < 0);
    }
}
