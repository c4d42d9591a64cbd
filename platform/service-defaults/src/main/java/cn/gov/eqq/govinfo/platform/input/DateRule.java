package cn.gov.eqq.govinfo.platform.input;

import java.time.LocalDate;

/**
 * The calendar dates any request may carry: 2000-01-01 to 2099-12-31. Every date of this system (events, adoptions,
 * instructions, deadlines, policy periods) lies well inside; outside is a typing error or an attack ({@code 0001-01-01},
 * {@code 9999-12-31}, a number read as days since 1970). A field with a narrower sense (an event cannot lie in the
 * future) checks that in its own domain on top.
 */
public final class DateRule {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private DateRule() {
    }

    /** Why {@code date} is refused, in Chinese, or {@code null}. */
    public static String violation(LocalDate date) {
        if (date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST))) {
            return null;
        }
        return "日期应在 " + EARLIEST + " 至 " + LATEST + " 之间";
    }
}
