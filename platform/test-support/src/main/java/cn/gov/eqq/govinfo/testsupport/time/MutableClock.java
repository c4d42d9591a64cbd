package cn.gov.eqq.govinfo.testsupport.time;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets or moves forward, so that expiry and retry delays pass without sleeping. Thread-safe.
 * Two kinds: {@code new MutableClock(instant)} stands still until the test moves it; {@link #ticking()} runs with the
 * system clock, moved by what the test adds (for a running system whose other parts see real time passing).
 * {@link #withZone} gives the same clock in another zone (e.g. Beijing time, as a service's own clock is): moving
 * one moves both.
 */
public final class MutableClock extends Clock {

    /** The time itself, shared by the clock and its views in other zones. */
    private static final class Time {
        private final boolean ticking;
        private Instant base;
        private Duration offset = Duration.ZERO;

        private Time(boolean ticking, Instant base) {
            this.ticking = ticking;
            this.base = base;
        }

        synchronized Instant now() {
            return (ticking ? Instant.now() : base).plus(offset);
        }

        synchronized void set(Instant instant) {
            if (ticking) {
                offset = Duration.between(Instant.now(), instant);
            } else {
                base = instant;
                offset = Duration.ZERO;
            }
        }

        synchronized void advance(Duration by) {
            offset = offset.plus(by);
        }
    }

    private final Time time;
    private final ZoneId zone;

    public MutableClock(Instant now) {
        this(new Time(false, now), ZoneOffset.UTC);
    }

    private MutableClock(Time time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** The system clock, which the test can move forward with {@link #advance}. */
    public static MutableClock ticking() {
        return new MutableClock(new Time(true, null), ZoneOffset.UTC);
    }

    public void set(Instant instant) {
        time.set(instant);
    }

    public void advance(Duration by) {
        time.advance(by);
    }

    /** Beijing time, the zone of every date the notice's rules speak of: the contracts' {@link BeijingTime#ZONE}. */
    public static final ZoneId BEIJING = BeijingTime.ZONE;

    /** The instant of a Beijing local date-time such as {@code 2026-07-28T23:59:59}. */
    public static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    /** Sets the time to a Beijing local date-time such as {@code 2026-07-28T23:59:59}; returns that instant. */
    public Instant setBeijing(String localDateTime) {
        Instant at = beijing(localDateTime);
        set(at);
        return at;
    }

    @Override
    public Instant instant() {
        return time.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public MutableClock withZone(ZoneId newZone) {
        return new MutableClock(time, newZone);
    }
}
