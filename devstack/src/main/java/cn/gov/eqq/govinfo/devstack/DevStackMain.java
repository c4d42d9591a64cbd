package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.devstack.backup.BackupCommand;
import cn.gov.eqq.govinfo.localinfra.keycloak.KeycloakServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bin/govinfo up}: starts the devstack, prints where everything runs and the demo accounts, and keeps running
 * until Ctrl-C or {@code bin/govinfo down} (SIGTERM via the pid file), then stops every process it started.
 */
public final class DevStackMain {

    static final String PID_FILE = "devstack.pid";
    static final String URLS_FILE = "devstack.urls";

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path repoRoot = locateRepoRoot();
        DevStackConfig config = DevStackConfig.fromEnvironment(repoRoot, System.getenv());
        Path dataDir = config.dataDir();
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(BackupCommand.run(args[0], java.util.List.of(args).subList(1, args.length), dataDir,
                    System.getenv()));
        }
        Files.createDirectories(config.logDir());
        // Library logging (mongo-java-server, Kafka admin client) goes to a file: the console is for people.
        System.setProperty("org.slf4j.simpleLogger.logFile", config.logDir().resolve("devstack.log").toString());
        Path pidFile = dataDir.resolve(PID_FILE);
        Optional<ProcessHandle> running = runningDevstack(pidFile);
        if (running.isPresent()) {
            System.err.println("govinfo 已在运行 / already running (pid " + running.get().pid() + ", data "
                    + dataDir + "); 先 / first: bin/govinfo down");
            System.exit(1);
        }
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        Files.deleteIfExists(dataDir.resolve(URLS_FILE));

        AtomicReference<DevStack> stack = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DevStack s = stack.get();
            if (s != null) {
                System.out.println("[devstack] 正在停止 / stopping …");
                s.close();
                System.out.println("[devstack] 已停止 / stopped");
            }
            try {
                Files.deleteIfExists(dataDir.resolve(URLS_FILE));
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // nothing left to tell
            }
            stopped.countDown();
        }, "devstack-shutdown"));

        System.out.println("[devstack] 数据目录 / data dir: " + dataDir + "  (MongoDB: " + config.mongo() + ")");
        DevStack started;
        try {
            started = DevStack.start(config);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("[devstack] 启动失败 / start failed:");
            System.err.println(e.getMessage());
            System.err.println("[devstack] 日志 / logs: " + config.logDir());
            System.exit(2);
            return;
        }
        stack.set(started);
        String summary = summary(started, repoRoot);
        Files.writeString(dataDir.resolve(URLS_FILE), urls(started));
        System.out.println(summary);
        stopped.await();
    }

    static String summary(DevStack stack, Path repoRoot) {
        StringBuilder out = new StringBuilder("\n");
        out.append("================ govinfo 已就绪 / ready ================\n");
        for (Map.Entry<Service, String> e : stack.serviceUrls().entrySet()) {
            out.append(String.format("  %-22s %s%n", e.getKey().isGateway() ? "网关 / gateway" : e.getKey().artifactId(),
                    e.getValue()));
            for (int replica = 2; replica <= stack.replicasOf(e.getKey()); replica++) {
                out.append(String.format("  %-22s %s%n", "  副本 / replica " + replica,
                        stack.serviceUrl(e.getKey(), replica)));
            }
        }
        out.append(String.format("  %-22s %s  (admin console %s/admin, admin/admin)%n", "Keycloak issuer",
                stack.keycloakIssuerUri(), stack.keycloakIssuerUri().replace("/realms/" + KeycloakServer.REALM, "")));
        out.append(String.format("  %-22s %s%n", "Kafka", stack.kafkaBootstrapServers()));
        out.append(String.format("  %-22s %s%n", "MongoDB", stack.mongoUri("<service>")));
        out.append(String.format("  %-22s %s%n", "日志 / logs", stack.config().logDir()));
        out.append("\n演示账号 / demo accounts (identity/govinfo-realm.json):\n");
        out.append(DemoAccounts.table(DemoAccounts.read(repoRoot.resolve("identity/govinfo-realm.json"))));
        out.append("\n\n");
        out.append(String.format("启动用时 / started in %.1f s", stack.startupTime().toMillis() / 1000.0));
        upStartedAt().ifPresent(ms -> out.append(String.format("；自 govinfo up 起 / since `govinfo up`: %.1f s",
                (System.currentTimeMillis() - ms) / 1000.0)));
        out.append("\n按 Ctrl-C 或运行 bin/govinfo down 停止 / Ctrl-C or bin/govinfo down to stop\n");
        out.append("=========================================================");
        return out.toString();
    }

    private static String urls(DevStack stack) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Service, String> e : stack.serviceUrls().entrySet()) {
            out.append(e.getKey().artifactId()).append('=').append(e.getValue()).append('\n');
            for (int replica = 2; replica <= stack.replicasOf(e.getKey()); replica++) {
                out.append(e.getKey().artifactId()).append('-').append(replica).append('=')
                        .append(stack.serviceUrl(e.getKey(), replica)).append('\n');
            }
        }
        out.append("keycloak-issuer=").append(stack.keycloakIssuerUri()).append('\n');
        out.append("kafka=").append(stack.kafkaBootstrapServers()).append('\n');
        out.append("mongodb=").append(stack.mongoUri("")).append('\n');
        return out.toString();
    }

    private static Optional<Long> upStartedAt() {
        try {
            return Optional.ofNullable(System.getenv("GOVINFO_UP_STARTED_MS")).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<ProcessHandle> runningDevstack(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("devstack")).orElse(true));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code $GOVINFO_HOME}, else the first folder upwards from here with mvnw and identity/, else from the jar. */
    static Path locateRepoRoot() {
        String home = System.getenv("GOVINFO_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("identity"))) {
                return dir;
            }
        }
        try {
            Path jar = Path.of(DevStackMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().getParent(); // <repo>/devstack/target/devstack.jar
        } catch (Exception e) {
            throw new IllegalStateException("找不到仓库根目录，请设置 GOVINFO_HOME / cannot find the repository root: "
                    + "set GOVINFO_HOME", e);
        }
    }

}
