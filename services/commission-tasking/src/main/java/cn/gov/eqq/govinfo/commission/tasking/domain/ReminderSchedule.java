package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When to remind target units that have not answered: at each offset before the deadline, and once when overdue.
 * Offsets are data (default 3 days and 1 day). When several pre-deadline reminders are due at once (the commission
 * was issued late, or the service was down) only the nearest one is sent: an outdated "3 days left" helps nobody.
 */
public record ReminderSchedule(List<Duration> beforeDeadline) {

    public static final ReminderSchedule DEFAULT = new ReminderSchedule(List.of(Duration.ofDays(3), Duration.ofDays(1)));

    public ReminderSchedule {
        beforeDeadline = beforeDeadline.stream()
                .peek(d -> {
                    if (d.isNegative() || d.isZero()) {
                        throw new IllegalArgumentException("reminder offsets must be positive: " + d);
                    }
                })
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /** The pre-deadline reminder whose window contains {@code now}, if the deadline has not passed. */
    Optional<Duration> currentOffset(Deadline deadline, Instant now) {
        if (deadline.hasPassed(now)) {
            return Optional.empty();
        }
        Optional<Duration> current = Optional.empty();
        for (Duration offset : beforeDeadline) {
            if (!now.isBefore(deadline.instant().minus(offset))) {
                current = Optional.of(offset); // offsets run from largest to smallest: keep the nearest one begun
            }
        }
        return current;
    }

    /** The earliest moment any reminder may fall due: lets a sweep skip commissions far from their deadline. */
    public Duration longestOffset() {
        return beforeDeadline.isEmpty() ? Duration.ZERO : beforeDeadline.get(0);
    }

    public static String kindOf(Duration offset) {
        long hours = offset.toHours();
        if (hours * 3600 == offset.getSeconds() && hours % 24 == 0) {
            return "BEFORE_" + (hours / 24) + "D";
        }
        return "BEFORE_" + offset;
    }

    static String describe(Duration offset) {
        long hours = offset.toHours();
        if (hours % 24 == 0 && hours > 0) {
            return (hours / 24) + "天";
        }
        if (hours > 0) {
            return hours + "小时";
        }
        return offset.toMinutes() + "分钟";
    }
}
