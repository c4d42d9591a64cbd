package cn.gov.eqq.govinfo.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A service whose process dies under the devstack (not through its fault controls) comes back by itself. */
class DevStackSupervisionTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path dir;

    @Test
    void aServiceKilledWithSigkillOrEndedWithSigtermIsStartedAgainOnItsPort() throws Exception {
        Path jar = DummyJar.write(dir.resolve("dummy.jar"));
        DevStackConfig config = DevStackConfig.forTest(REPO, dir.resolve("data"), false, Map.of(Service.SCORING, jar));
        try (DevStack stack = DevStack.start(config)) {
            String readiness = stack.serviceUrl(Service.SCORING) + "/actuator/health/readiness";
            long first = stack.pidOf(Service.SCORING);

            ProcessHandle.of(first).orElseThrow().destroyForcibly(); // kill -9 from outside
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.isRunning(Service.SCORING)
                    && stack.pidOf(Service.SCORING) != first && status(readiness) == 200);
            long second = stack.pidOf(Service.SCORING);

            ProcessHandle.of(second).orElseThrow().destroy(); // SIGTERM: what bin/govinfo restart sends
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.isRunning(Service.SCORING)
                    && stack.pidOf(Service.SCORING) != second && status(readiness) == 200);
            assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void twoReplicasRunOnTheirOwnPortsAndAKilledOneComesBackWhileTheOtherAnswers() throws Exception {
        Path jar = DummyJar.write(dir.resolve("dummy.jar"));
        DevStackConfig config = DevStackConfig.forTest(REPO, dir.resolve("data"), false, Map.of(Service.SCORING, jar))
                .withReplicas(Service.SCORING, 2);
        try (DevStack stack = DevStack.start(config)) {
            assertThat(stack.replicasOf(Service.SCORING)).isEqualTo(2);
            String first = stack.serviceUrl(Service.SCORING, 1) + "/actuator/health/readiness";
            String second = stack.serviceUrl(Service.SCORING, 2) + "/actuator/health/readiness";
            assertThat(first).isNotEqualTo(second);
            assertThat(status(first)).isEqualTo(200);
            assertThat(status(second)).isEqualTo(200);
            long killed = stack.pidOf(Service.SCORING, 2);
            assertThat(killed).isNotEqualTo(stack.pidOf(Service.SCORING, 1));

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            assertThat(status(first)).as("the other replica goes on").isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.pidOf(Service.SCORING, 2) != killed
                    && status(second) == 200);
            assertThat(stack.childPids()).contains(stack.pidOf(Service.SCORING, 1), stack.pidOf(Service.SCORING, 2));
        }
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
