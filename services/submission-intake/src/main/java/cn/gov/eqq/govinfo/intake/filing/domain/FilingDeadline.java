package cn.gov.eqq.govinfo.intake.filing.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Each unit files its internal information-work rules (内部信息考核机制) with the room by the end of July (备案,
 * notice part 二(四)2). "By 31 July" is read as: before 1 August 00:00 Beijing time.
 */
public final class FilingDeadline {

    public enum Status {
        FILED("已备案"),
        FILED_LATE("逾期备案"),
        NOT_YET_DUE("未备案（未到期）"),
        OVERDUE("逾期未备案");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private FilingDeadline() {
    }

    public static Instant of(int year) {
        return BeijingTime.startOf(LocalDate.of(year, 8, 1));
    }

    /** @param filedAt null when the unit has not filed */
    public static Status status(int year, Instant filedAt, Instant now) {
        Instant deadline = of(year);
        if (filedAt != null) {
            return filedAt.isBefore(deadline) ? Status.FILED : Status.FILED_LATE;
        }
        return now.isBefore(deadline) ? Status.NOT_YET_DUE : Status.OVERDUE;
    }
}
