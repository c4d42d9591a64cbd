package cn.gov.eqq.govinfo.testsupport.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void aSetClockStandsStillUntilTheTestMovesIt() {
        MutableClock clock = new MutableClock(NOON);
        assertThat(clock.instant()).isEqualTo(NOON);
        clock.advance(Duration.ofHours(2));
        assertThat(clock.instant()).isEqualTo(NOON.plus(Duration.ofHours(2)));
        clock.set(NOON.minusSeconds(60));
        assertThat(clock.instant()).isEqualTo(NOON.minusSeconds(60));
    }

    @Test
    void aTickingClockFollowsTheSystemClockMovedByWhatTheTestAdds() {
        MutableClock clock = MutableClock.ticking();
        Instant before = Instant.now();
        clock.advance(Duration.ofDays(3));
        Instant read = clock.instant();
        assertThat(read).isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
        clock.set(NOON);
        assertThat(clock.instant()).isBetween(NOON, NOON.plusSeconds(5));
    }

    @Test
    void theClockInAnotherZoneIsTheSameClock() {
        MutableClock utc = new MutableClock(NOON);
        MutableClock beijing = utc.withZone(MutableClock.BEIJING);
        utc.advance(Duration.ofHours(12));
        assertThat(beijing.instant()).isEqualTo(NOON.plus(Duration.ofHours(12)));
        assertThat(java.time.LocalDate.now(beijing)).isEqualTo(java.time.LocalDate.parse("2026-11-29"));
        assertThat(java.time.LocalDate.now(utc)).isEqualTo(java.time.LocalDate.parse("2026-11-28"));
    }
}
