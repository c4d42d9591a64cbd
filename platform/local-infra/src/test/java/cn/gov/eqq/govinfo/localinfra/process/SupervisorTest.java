package cn.gov.eqq.govinfo.localinfra.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The supervisor with real child processes ({@code sleep}) killed the way a crash or an operator kills them. */
class SupervisorTest {

    private static final int SIGKILL_EXIT = 137;
    private static final Supervisor.Backoff FAST = new Supervisor.Backoff(Duration.ofMillis(200),
            Duration.ofMillis(800), Duration.ofHours(1));

    @TempDir
    Path dir;

    private final List<ChildProcess> started = new CopyOnWriteArrayList<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
        started.forEach(c -> c.stop(Duration.ofSeconds(2)));
    }

    private ChildProcess sleeper() {
        ChildProcess child = ChildProcess.start("sleeper", List.of("sleep", "600"), Map.of(), dir,
                dir.resolve("sleeper.log"));
        started.add(child);
        return child;
    }

    private ChildProcess last() {
        return started.get(started.size() - 1);
    }

    private static void kill9(ChildProcess child) {
        child.handle().destroyForcibly();
    }

    @Test
    void theBackOffDoublesFromTheFirstDelayAndStopsAtTheCap() {
        Supervisor.Backoff standard = Supervisor.Backoff.standard();

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20).stream().map(standard::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aChildKilledWithSigkillIsStartedAgainEachTimeAfterADoublingDelay() {
        supervisor = new Supervisor(FAST, said::add);
        supervisor.supervise("sleeper", sleeper(), this::sleeper);

        for (int crash = 1; crash <= 4; crash++) {
            ChildProcess before = last();
            long killedAt = System.nanoTime();
            kill9(before);
            await().atMost(Duration.ofSeconds(10)).until(() -> last() != before && last().isAlive());
            Duration downFor = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(downFor).as("restart %d waited its back-off", crash).isGreaterThanOrEqualTo(FAST.delay(crash));
        }

        assertThat(supervisor.restarts()).extracting(Supervisor.Restart::exitCode)
                .containsExactly(SIGKILL_EXIT, SIGKILL_EXIT, SIGKILL_EXIT, SIGKILL_EXIT);
        assertThat(supervisor.restarts()).extracting(r -> r.delay().toMillis())
                .containsExactly(200L, 400L, 800L, 800L);
        assertThat(started).hasSize(5);
        assertThat(said).anyMatch(line -> line.contains("已重启 / restarted"));
    }

    @Test
    void aChildThatStayedUpLongEnoughStartsTheBackOffAgain() {
        supervisor = new Supervisor(new Supervisor.Backoff(Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ZERO), said::add);
        supervisor.supervise("sleeper", sleeper(), this::sleeper);

        for (int crash = 1; crash <= 3; crash++) {
            ChildProcess before = last();
            kill9(before);
            await().atMost(Duration.ofSeconds(10)).until(() -> last() != before && last().isAlive());
        }

        assertThat(supervisor.restarts()).extracting(r -> r.delay().toMillis()).containsExactly(200L, 200L, 200L);
    }

    @Test
    void aChildEndedWithSigtermIsARequestedRestartWithoutBackOffAndResetsIt() {
        supervisor = new Supervisor(FAST, said::add);
        supervisor.supervise("sleeper", sleeper(), this::sleeper);
        ChildProcess first = last();
        kill9(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> last() != first && last().isAlive());

        ChildProcess second = last();
        second.handle().destroy(); // SIGTERM, as bin/govinfo restart sends it
        await().atMost(Duration.ofSeconds(10)).until(() -> last() != second && last().isAlive());
        ChildProcess third = last();
        kill9(third);
        await().atMost(Duration.ofSeconds(10)).until(() -> last() != third && last().isAlive());

        assertThat(supervisor.restarts()).extracting(Supervisor.Restart::exitCode)
                .containsExactly(SIGKILL_EXIT, Supervisor.SIGTERM_EXIT, SIGKILL_EXIT);
        assertThat(supervisor.restarts()).extracting(r -> r.delay().toMillis()).containsExactly(200L, 0L, 200L);
    }

    @Test
    void aFailedStartCountsAsAnExitAndIsTriedAgainLater() {
        supervisor = new Supervisor(FAST, said::add);
        AtomicInteger attempts = new AtomicInteger();
        ChildProcess first = sleeper();
        supervisor.supervise("flaky", first, () -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("服务 flaky 未就绪\nlog tail");
            }
            return sleeper();
        });

        kill9(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 2 && last().isAlive());

        assertThat(attempts).hasValue(3);
        assertThat(supervisor.restarts()).extracting(Supervisor.Restart::exitCode)
                .containsExactly(SIGKILL_EXIT, -1, -1);
        assertThat(supervisor.restarts()).extracting(r -> r.delay().toMillis()).containsExactly(200L, 400L, 800L);
        assertThat(said).anyMatch(line -> line.contains("重启失败") && line.contains("flaky 未就绪")
                && !line.contains("log tail"));
    }

    @Test
    void aHeldChildAndEveryChildAfterCloseStayDown() {
        supervisor = new Supervisor(FAST, said::add);
        ChildProcess held = sleeper();
        ChildProcess other = sleeper();
        supervisor.supervise("held", held, this::sleeper);
        supervisor.supervise("other", other, this::sleeper);

        supervisor.hold("held");
        kill9(held);
        supervisor.close();
        kill9(other);

        await().atMost(Duration.ofSeconds(10)).until(() -> !held.isAlive() && !other.isAlive());
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> started.size() == 2);
        assertThat(supervisor.restarts()).isEmpty();
        assertThat(supervisor.supervises("held")).isFalse();
    }
}
