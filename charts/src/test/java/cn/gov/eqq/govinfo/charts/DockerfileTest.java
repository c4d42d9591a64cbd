package cn.gov.eqq.govinfo.charts;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared service image: layered Spring Boot jar on a JRE, non-root, with a working health check. */
class DockerfileTest {

    private static List<String> instructions() throws Exception {
        return Files.readAllLines(RepoPaths.DOCKERFILE).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void imageIsAJreWithTheBootLayersInOrderOfChange() throws Exception {
        List<String> lines = instructions();

        assertThat(lines).contains("ARG JRE_IMAGE=eclipse-temurin:17-jre-noble");
        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).allMatch(l -> l.startsWith("FROM ${JRE_IMAGE}"));
        assertThat(lines).anyMatch(l -> l.contains("java -Djarmode=tools -jar application.jar extract --layers"));
        assertThat(lines.stream().filter(l -> l.startsWith("COPY --from=layers")).toList()).containsExactly(
                "COPY --from=layers /build/extracted/dependencies/ ./",
                "COPY --from=layers /build/extracted/spring-boot-loader/ ./",
                "COPY --from=layers /build/extracted/snapshot-dependencies/ ./",
                "COPY --from=layers /build/extracted/application/ ./");
        assertThat(lines).last().isEqualTo("ENTRYPOINT [\"java\", \"-jar\", \"/app/application.jar\"]");
    }

    @Test
    void theBaseIsPinnedByADigestThatComesFromOneFileAndIsNeverMadeUp() throws Exception {
        List<String> lines = instructions();
        assertThat(lines).contains("ARG JRE_DIGEST");
        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).hasSize(2)
                .allMatch(l -> l.startsWith("FROM ${JRE_IMAGE}@${JRE_DIGEST}"));

        java.util.Properties base = new java.util.Properties();
        try (var reader = Files.newBufferedReader(RepoPaths.ROOT.resolve("deploy/base-image.env"))) {
            base.load(reader);
        }
        assertThat(base.getProperty("JRE_IMAGE")).isEqualTo("eclipse-temurin:17-jre-noble");
        // empty until deploy/pin-base-image.sh has asked a registry; never a placeholder that looks real
        assertThat(base.getProperty("JRE_DIGEST")).matches("|sha256:[0-9a-f]{64}");
        assertThat(Files.isExecutable(RepoPaths.ROOT.resolve("deploy/pin-base-image.sh"))).isTrue();
    }

    @Test
    void imageRunsAsANumericNonRootUserAndDeclaresAHealthCheck() throws Exception {
        List<String> lines = instructions();
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();

        assertThat(user).isEqualTo("USER 10001:10001");
        assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/usr/local/bin/healthcheck"));
        assertThat(lines).anyMatch(l -> l.contains("SERVER_ADDRESS=0.0.0.0"));
        // The pod security context of the chart runs the same uid.
        assertThat(Files.readString(RepoPaths.CHART.resolve("values.yaml"))).contains("runAsUser: 10001");
    }

    @Test
    void healthCheckPassesOnlyWhileReadinessAnswers200() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] status = {200};
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = (status[0] == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes();
            exchange.sendResponseHeaders(status[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        try {
            assertThat(runHealthCheck(port)).as("ready").isZero();
            status[0] = 503;
            assertThat(runHealthCheck(port)).as("not ready").isEqualTo(1);
        } finally {
            server.stop(0);
        }
        assertThat(runHealthCheck(port)).as("nothing listening").isEqualTo(1);
    }

    @Test
    void buildContextSendsOnlyTheJarsAndTheHealthCheck() throws Exception {
        assertThat(Files.readAllLines(RepoPaths.ROOT.resolve("deploy/Dockerfile.dockerignore")))
                .contains("*", "!services/*/target/*-0.1.0-SNAPSHOT.jar", "!gateway/target/*-0.1.0-SNAPSHOT.jar",
                        "!deploy/healthcheck.sh");
    }

    private static int runHealthCheck(int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", RepoPaths.ROOT.resolve("deploy/healthcheck.sh").toString())
                .redirectErrorStream(true);
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        Process p = pb.start();
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("health check finished").isTrue();
        p.getInputStream().readAllBytes();
        return p.exitValue();
    }

}
