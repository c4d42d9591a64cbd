package cn.gov.eqq.govinfo.localinfra.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A Spring Boot service run as {@code java <jvmOptions> -jar <jar>}, ready when
 * {@code /actuator/health/readiness} answers 200 with status UP.
 */
public final class ServiceProcess implements AutoCloseable {

    /** What to start. {@code env} is added to the parent's environment. */
    public record Spec(String name, Path jar, int port, List<String> jvmOptions, Map<String, String> env,
            Path logFile) {
        public Spec {
            jvmOptions = List.copyOf(jvmOptions);
            env = Map.copyOf(env);
        }
    }

    /**
     * Something the service needs (Kafka, Keycloak, MongoDB…). When the service does not become ready, every
     * prerequisite that is not {@code reachable} is named in the error, in Chinese and English.
     */
    public record Prerequisite(String zh, String en, BooleanSupplier reachable) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Spec spec;
    private final ChildProcess process;

    private ServiceProcess(Spec spec, ChildProcess process) {
        this.spec = spec;
        this.process = process;
    }

    public static ServiceProcess start(Spec spec) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException("找不到 " + spec.name() + " 的 jar：" + spec.jar()
                    + "，请先构建（./mvnw -q -B install -DskipTests）/ jar of " + spec.name() + " not found: "
                    + spec.jar() + " — build first (./mvnw -q -B install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(spec.jvmOptions());
        command.add("-jar");
        command.add(spec.jar().toAbsolutePath().toString());
        return new ServiceProcess(spec,
                ChildProcess.start(spec.name(), command, spec.env(), null, spec.logFile()));
    }

    public String name() {
        return spec.name();
    }

    public int port() {
        return spec.port();
    }

    public String baseUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + spec.port();
    }

    public String readinessUrl() {
        return baseUrl() + "/actuator/health/readiness";
    }

    public ChildProcess process() {
        return process;
    }

    /**
     * Polls the readiness probe until UP; on timeout or early exit throws with a message naming the log file, the
     * last probe answer and whichever prerequisites are unreachable at that moment.
     */
    public void awaitReady(Duration timeout, List<Prerequisite> prerequisites) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "(no answer yet)";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw notReady("进程已退出 / process exited" + exitCode(), lastAnswer, prerequisites);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(readinessUrl()))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                lastAnswer = response.statusCode() + " " + abbreviate(response.body());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                lastAnswer = "connection failed: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
            }
            sleep(300);
        }
        throw notReady("超时 " + timeout.toSeconds() + " 秒 / timed out after " + timeout.toSeconds() + " s",
                lastAnswer, prerequisites);
    }

    private String exitCode() {
        try {
            return " (" + process.waitFor(Duration.ofSeconds(1)) + ")";
        } catch (Exception e) {
            return "";
        }
    }

    private IllegalStateException notReady(String why, String lastAnswer, List<Prerequisite> prerequisites) {
        StringBuilder message = new StringBuilder()
                .append("服务 ").append(spec.name()).append(" 未就绪 / service ").append(spec.name())
                .append(" is not ready: ").append(why).append('\n')
                .append("  readiness ").append(readinessUrl()).append(" → ").append(lastAnswer).append('\n');
        for (Prerequisite p : prerequisites) {
            if (!p.reachable().getAsBoolean()) {
                message.append("  缺少 / missing: ").append(p.zh()).append(" / ").append(p.en()).append('\n');
            }
        }
        message.append("  日志 / log: ").append(spec.logFile()).append('\n')
                .append("  --- 日志末尾 / log tail ---\n").append(process.logTail(25));
        return new IllegalStateException(message.toString());
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
