package cn.gov.eqq.govinfo.contracts.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The notice's calendar is Beijing time (Asia/Shanghai), whatever the server's zone: every period is cut in it and
 * every date a person reads or enters is in it. The one place the zone is named.
 */
public final class BeijingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");

    /** The Beijing calendar day an instant falls on. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The Beijing wall-clock time of an instant. */
    public static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    /** The instant of a Beijing wall-clock time. */
    public static Instant toInstant(LocalDateTime beijing) {
        return beijing.atZone(ZONE).toInstant();
    }

    /** Beijing midnight at the start of a day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** How a person reads an instant: 2026年07月31日 23:30. */
    public static String display(Instant instant) {
        return DISPLAY.format(of(instant));
    }

    private BeijingTime() {
    }
}
