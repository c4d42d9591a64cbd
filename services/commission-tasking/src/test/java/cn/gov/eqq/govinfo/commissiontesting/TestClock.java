package cn.gov.eqq.govinfo.commissiontesting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests move by hand; one per test JVM, shared by every application context the tests start. */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private volatile Instant now = Instant.parse("2026-07-20T02:00:00Z");

    public void set(Instant instant) {
        now = instant;
    }

    /** Sets the time to a Beijing local date-time such as {@code 2026-07-28T23:59:59}. */
    public Instant setBeijing(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
        return now;
    }

    public static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
