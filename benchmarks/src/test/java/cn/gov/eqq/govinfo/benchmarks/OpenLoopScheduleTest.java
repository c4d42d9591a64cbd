package cn.gov.eqq.govinfo.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenLoopScheduleTest {

    @Test
    void sendsAreDueAtFixedIntervalsFromTheStart() {
        OpenLoopSchedule s = new OpenLoopSchedule(200, 1_000_000_000L);
        assertThat(s.dueNanos(0)).isEqualTo(1_000_000_000L);
        assertThat(s.dueNanos(1)).isEqualTo(1_005_000_000L);
        assertThat(s.dueNanos(200)).isEqualTo(2_000_000_000L);
    }

    @Test
    void aRateThatDoesNotDivideASecondIsRoundedPerSendWithoutDrift() {
        OpenLoopSchedule s = new OpenLoopSchedule(3, 0);
        assertThat(s.dueNanos(1)).isEqualTo(333_333_333L);
        assertThat(s.dueNanos(2)).isEqualTo(666_666_667L);
        assertThat(s.dueNanos(3_000)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void aWindowHoldsRateTimesSecondsSends() {
        assertThat(new OpenLoopSchedule(50, 0).sendsIn(Duration.ofSeconds(60))).isEqualTo(3_000);
        assertThat(new OpenLoopSchedule(500, 7).sendsIn(Duration.ofSeconds(60))).isEqualTo(30_000);
        assertThat(new OpenLoopSchedule(3, 0).sendsIn(Duration.ofMillis(1_000))).isEqualTo(3);
        assertThat(new OpenLoopSchedule(3, 0).sendsIn(Duration.ofMillis(1_001))).isEqualTo(4);
    }

    @Test
    void lagCountsOnlySendsLaterThanTheTolerance() {
        OpenLoopSchedule.Lag lag = new OpenLoopSchedule.Lag(Duration.ofMillis(10));
        lag.record(1_000_000_000L, 1_000_000_000L);          // on time
        lag.record(1_000_000_000L, 1_009_000_000L);          // 9 ms late: within tolerance
        lag.record(1_000_000_000L, 1_250_000_000L);          // 250 ms late
        lag.record(1_000_000_000L, 999_000_000L);            // early counts as on time
        assertThat(lag.sends()).isEqualTo(4);
        assertThat(lag.behind()).isEqualTo(1);
        assertThat(lag.worstMillis()).isEqualTo(250.0);
        assertThat(lag.percentileMillis(50)).isEqualTo(0.0);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
