package cn.gov.eqq.govinfo.commission.tasking.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based: for random submission instants within ±200 s of the deadline minute (nanosecond resolution, plus
 * the exact edges), an answer is on time exactly when its Beijing minute is not after the entered minute.
 */
class DeadlinePropertiesTest {

    private static final LocalDateTime ENTERED = LocalDateTime.parse("2026-07-31T23:59");
    private static final long RANGE_NANOS = 200_000_000_000L;

    static LongStream offsets() {
        Random random = new Random(20260731L);
        LongStream edges = LongStream.of(-1, 0, 1, 59_999_999_999L, 60_000_000_000L, 60_000_000_001L,
                -RANGE_NANOS, RANGE_NANOS);
        LongStream randoms = LongStream.generate(() -> (long) ((random.nextDouble() * 2 - 1) * RANGE_NANOS))
                .limit(1_000);
        return LongStream.concat(edges, randoms);
    }

    @ParameterizedTest(name = "{0} ns after the deadline minute began")
    @MethodSource("offsets")
    void anAnswerIsOnTimeExactlyWhenItsBeijingMinuteIsNotAfterTheEnteredMinute(long nanosFromDeadlineMinute) {
        Deadline deadline = Deadline.ofBeijingMinute(ENTERED);
        Instant submitted = ENTERED.atZone(BeijingTime.ZONE).toInstant().plusNanos(nanosFromDeadlineMinute);
        LocalDateTime submittedMinute = BeijingTime.of(submitted).truncatedTo(ChronoUnit.MINUTES);

        assertThat(deadline.isMetBy(submitted)).isEqualTo(!submittedMinute.isAfter(ENTERED));
    }
}
