package cn.gov.eqq.govinfo.localinfra.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void stoppingAChildAlsoStopsItsGrandchildren() {
        ChildProcess child = ChildProcess.start("tree",
                List.of("bash", "-c", "sleep 300 & sleep 300 & (sleep 300; true) & wait"), Map.of(), dir,
                dir.resolve("tree.log"));
        await().atMost(Duration.ofSeconds(10)).until(() -> child.handle().descendants().count() >= 3);
        List<ProcessHandle> descendants = child.handle().descendants().toList();

        child.stop(Duration.ofSeconds(5));

        assertThat(child.isAlive()).isFalse();
        assertThat(descendants).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aChildThatIgnoresSigtermIsKilledAfterTheGracePeriod() {
        ChildProcess child = ChildProcess.start("stubborn",
                List.of("bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"), Map.of(), dir,
                dir.resolve("stubborn.log"));
        await().atMost(Duration.ofSeconds(10)).until(() -> child.logTail(1).contains("ready"));

        long begin = System.nanoTime();
        child.stop(Duration.ofMillis(500));

        assertThat(child.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void outputAndEnvironmentReachTheLogFile() throws Exception {
        Path log = dir.resolve("logs/echo.log");
        ChildProcess child = ChildProcess.start("echo", List.of("bash", "-c", "echo \"unit=$GOVINFO_TEST_UNIT\""),
                Map.of("GOVINFO_TEST_UNIT", "U007"), dir, log);

        assertThat(child.waitFor(Duration.ofSeconds(10))).isZero();
        assertThat(Files.readString(log)).isEqualTo("unit=U007\n");
        child.stop();
    }
}
