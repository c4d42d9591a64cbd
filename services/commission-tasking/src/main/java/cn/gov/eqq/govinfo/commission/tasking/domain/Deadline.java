package cn.gov.eqq.govinfo.commission.tasking.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A commission's deadline. The room enters a Beijing date and time to the minute ("7月31日 23:59"), and a person
 * reads that as "up to the end of that minute": an answer submitted at 23:59:59 is on time, one at 00:00:00 is late.
 * So the instant kept is the last nanosecond of the entered minute, and on time means "not after it".
 */
public record Deadline(Instant instant) {

    public Deadline {
        Objects.requireNonNull(instant, "instant");
    }

    /** Seconds entered with the time are ignored: the deadline covers the whole minute. */
    public static Deadline ofBeijingMinute(LocalDateTime beijing) {
        LocalDateTime minute = beijing.truncatedTo(ChronoUnit.MINUTES);
        Instant start = minute.atZone(BeijingTime.ZONE).toInstant();
        return new Deadline(start.plus(1, ChronoUnit.MINUTES).minusNanos(1));
    }

    public boolean isMetBy(Instant submittedAt) {
        return !submittedAt.isAfter(instant);
    }

    public boolean hasPassed(Instant now) {
        return now.isAfter(instant);
    }

    /** The minute the room entered, in Beijing time. */
    public LocalDateTime beijingMinute() {
        return BeijingTime.of(instant).truncatedTo(ChronoUnit.MINUTES);
    }

    public String display() {
        return BeijingTime.display(instant);
    }
}
