package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The notice's calendar is Beijing time (Asia/Shanghai); every date a person reads or enters is in it. */
public final class BeijingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");

    public static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    public static Instant toInstant(LocalDateTime beijing) {
        return beijing.atZone(ZONE).toInstant();
    }

    public static String display(Instant instant) {
        return DISPLAY.format(of(instant));
    }

    private BeijingTime() {
    }
}
