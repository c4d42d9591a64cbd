package cn.gov.eqq.govinfo.platform.work;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LeasedWorkTest {

    private final Instant now = Instant.parse("2026-10-10T02:00:00Z");
    private final LeasedWork work = new LeasedWork("import", Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(30),
            Duration.ZERO);

    @Test
    void claimsJobAfterJobWithItsNameAndALeaseFromNowUntilNoneIsLeft() {
        Deque<String> open = new ArrayDeque<>(List.of("A", "B"));
        List<String> claims = new ArrayList<>();

        int worked = work.runPending((worker, at, until) -> {
            claims.add(worker + "@" + at + "→" + until);
            return Optional.ofNullable(open.poll());
        }, job -> { });

        assertThat(worked).isEqualTo(2);
        assertThat(claims).hasSize(3).allSatisfy(c -> assertThat(c)
                .matches("import-[0-9a-f-]{36}@2026-10-10T02:00:00Z→2026-10-10T02:00:30Z"));
    }

    @Test
    void aStoppedProcessTakesNoJobAndStopsAfterThePartBeingWrittenUntilResumed() {
        assertThat(work.afterPart()).isTrue();
        work.stop();
        assertThat(work.afterPart()).isFalse();
        assertThat(work.runPending((w, at, until) -> Optional.of("A"), job -> { })).isZero();
        work.resume();
        assertThat(work.afterPart()).isTrue();
    }
}
