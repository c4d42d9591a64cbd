package cn.gov.eqq.govinfo.commission.tasking.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePropertiesTest {

    private static final LocalDateTime ENTERED = LocalDateTime.parse("2026-07-31T23:59");

    @Property
    void anAnswerIsOnTimeExactlyWhenItsBeijingMinuteIsNotAfterTheEnteredMinute(
            @ForAll @LongRange(min = -200_000_000_000L, max = 200_000_000_000L) long nanosFromDeadlineMinute) {
        Deadline deadline = Deadline.ofBeijingMinute(ENTERED);
        Instant submitted = ENTERED.atZone(BeijingTime.ZONE).toInstant().plusNanos(nanosFromDeadlineMinute);
        LocalDateTime submittedMinute = BeijingTime.of(submitted).truncatedTo(ChronoUnit.MINUTES);

        assertThat(deadline.isMetBy(submitted)).isEqualTo(!submittedMinute.isAfter(ENTERED));
    }
}
