package cn.gov.eqq.govinfo.localinfra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real Keycloak server (the {@code keycloak-quarkus-dist} unpacked by the local-infra build) as a child process,
 * for the devstack and for tests on a machine without Docker.
 *
 * <h2>Stable API (used by devstack and test-support)</h2>
 * <pre>{@code
 * KeycloakServer.Config config = KeycloakServer.defaults(Path.of(".work/devstack/keycloak"));   // ports 8180/9180
 * KeycloakServer keycloak = KeycloakServer.start(config, Duration.ofSeconds(120));
 * String issuer = keycloak.issuerUri("govinfo");   // http://127.0.0.1:8180/realms/govinfo
 * keycloak.stop();                                 // SIGTERM, then kill; also done by a JVM shutdown hook
 * }</pre>
 *
 * <h2>What {@link #start} does</h2>
 * <ul>
 *   <li>runs {@code bin/kc.sh start-dev} bound to 127.0.0.1 with {@code --hostname=http://127.0.0.1:<httpPort>}
 *       (so the {@code iss} claim never depends on the host name a client used), the management interface with
 *       {@code /health/ready} on {@code managementPort}, and a bootstrap admin for the master realm
 *       ({@code KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD} from the environment, default {@code admin/admin});</li>
 *   <li>keeps all state in {@code dataDir}: the H2 database ({@code <dataDir>/h2}), the transaction log, and the
 *       import directory {@code <dataDir>/import} into which the realm file is copied. The distribution itself is
 *       never written to after its first start, so several servers can share one unpacked distribution;</li>
 *   <li>imports the realm file when the realm does not exist yet (strategy {@code IGNORE_EXISTING}): a fresh data
 *       directory gives a fresh import, an existing one keeps its state. Placeholders such as
 *       {@code ${GOVINFO_GATEWAY_CLIENT_SECRET:govinfo-gateway-dev-secret}} in the realm file are resolved from the
 *       environment of this JVM (Keycloak's documented import placeholders);</li>
 *   <li>installs the project's folder themes ({@code identity/themes}, the county's login pages) into the
 *       distribution's {@code themes} folder before each start;</li>
 *   <li>writes Keycloak's console output to {@code logFile} and waits until {@code /health/ready} answers 200;
 *       when the timeout passes or the process dies first, it kills the process and throws
 *       {@link KeycloakStartException} naming the log file and quoting its last lines.</li>
 * </ul>
 * The Keycloak distribution is located by {@link #locateHome()}: system property {@code govinfo.keycloak.home},
 * environment {@code GOVINFO_KEYCLOAK_HOME}, the path recorded by the local-infra build, or
 * {@code .work/keycloak/keycloak-<version>} in a parent of the working directory.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Realm name of the project. */
    public static final String REALM = "govinfo";
    /** Default ports of the local run (docs/development.md). */
    public static final int DEFAULT_HTTP_PORT = 8180;
    public static final int DEFAULT_MANAGEMENT_PORT = 9180;

    private static final String DIST_PROPERTIES = "keycloak-dist.properties";
    private static final String REALM_FILE_IN_REPO = "identity/govinfo-realm.json";
    private static final String START_LOCK_FILE = ".govinfo-start.lock";
    /** First line Keycloak prints after the (one-off) Quarkus re-augmentation of the distribution. */
    private static final String AUGMENTATION_DONE_MARKER = "Running the server";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** Serialises starts inside one JVM; a {@link FileLock} does the same across JVMs. */
    private static final ReentrantLock START_LOCK_IN_JVM = new ReentrantLock();

    /**
     * Where and how to run one Keycloak.
     *
     * @param home           the unpacked distribution (contains {@code bin/kc.sh})
     * @param httpPort       public HTTP port on 127.0.0.1 (issuer {@code http://127.0.0.1:<httpPort>/realms/<realm>})
     * @param managementPort management port on 127.0.0.1 ({@code /health/ready}, {@code /health/live})
     * @param realmFile      realm JSON to import on a fresh data directory
     * @param dataDir        all state of this server (database, import directory); created when missing
     * @param logFile        Keycloak's console output (appended)
     */
    public record Config(Path home, int httpPort, int managementPort, Path realmFile, Path dataDir, Path logFile) {
        public Config {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(realmFile, "realmFile");
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(logFile, "logFile");
            if (httpPort <= 0 || httpPort > 65535 || managementPort <= 0 || managementPort > 65535) {
                throw new IllegalArgumentException("端口无效: http=" + httpPort + ", management=" + managementPort);
            }
            if (httpPort == managementPort) {
                throw new IllegalArgumentException("HTTP 端口与管理端口不能相同: " + httpPort);
            }
        }

        /** The same server on other ports (tests pick free ones). */
        public Config withPorts(int newHttpPort, int newManagementPort) {
            return new Config(home, newHttpPort, newManagementPort, realmFile, dataDir, logFile);
        }

        /** The same server with another data directory (and its log file inside it). */
        public Config withDataDir(Path newDataDir) {
            return new Config(home, httpPort, managementPort, realmFile, newDataDir, newDataDir.resolve("keycloak.log"));
        }
    }

    /**
     * The configuration of the local run: distribution from {@link #locateHome()}, realm from
     * {@link #locateRealmFile()}, ports from {@code KEYCLOAK_PORT} / {@code KEYCLOAK_MANAGEMENT_PORT}
     * (8180 / 9180), log file {@code <dataDir>/keycloak.log}.
     */
    public static Config defaults(Path dataDir) {
        return new Config(locateHome(), envPort("KEYCLOAK_PORT", DEFAULT_HTTP_PORT),
                envPort("KEYCLOAK_MANAGEMENT_PORT", DEFAULT_MANAGEMENT_PORT), locateRealmFile(),
                dataDir.toAbsolutePath(), dataDir.toAbsolutePath().resolve("keycloak.log"));
    }

    private final Config config;
    private final Process process;
    private final Duration startupTime;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private KeycloakServer(Config config, Process process, Duration startupTime, Thread shutdownHook) {
        this.config = config;
        this.process = process;
        this.startupTime = startupTime;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Starts Keycloak and returns once {@code /health/ready} answers 200.
     *
     * @throws KeycloakStartException when a port is taken, the distribution or realm file is missing, the process
     *                                exits early or is not ready within {@code timeout} (the message names the log)
     */
    public static KeycloakServer start(Config config, Duration timeout) {
        Path kcSh = config.home().resolve("bin").resolve("kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new KeycloakStartException("找不到可执行的 " + kcSh
                    + "（请先构建 platform/local-infra，它会把 Keycloak 解压到 .work/keycloak）");
        }
        if (!Files.isRegularFile(config.realmFile())) {
            throw new KeycloakStartException("找不到 realm 文件 " + config.realmFile());
        }
        requireFree(config.httpPort(), "HTTP");
        requireFree(config.managementPort(), "管理");
        Path data = config.dataDir().toAbsolutePath();
        Path importDir = data.resolve("import");
        try {
            Files.createDirectories(importDir);
            Files.createDirectories(config.logFile().toAbsolutePath().getParent());
            Files.copy(config.realmFile(), importDir.resolve(config.realmFile().getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KeycloakStartException("无法准备 Keycloak 数据目录 " + data + ": " + e.getMessage(), e);
        }

        ProcessBuilder builder = new ProcessBuilder(command(kcSh, config, data, importDir))
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile().toFile()));
        Map<String, String> env = builder.environment();
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // Run Keycloak on the JVM that runs us unless the caller chose one.
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));

        long startNanos = System.nanoTime();
        long deadline = startNanos + timeout.toNanos();
        Process process = null;
        Thread hook = null;
        START_LOCK_IN_JVM.lock();
        try (FileChannel lockChannel = FileChannel.open(config.home().resolve(START_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            // The first start-dev of a distribution re-augments it (writes lib/quarkus); two such starts at the same
            // time would corrupt each other, so hold the lock until Keycloak has passed that step.
            long logOffset = Files.exists(config.logFile()) ? Files.size(config.logFile()) : 0;
            installThemes(config);
            process = builder.start();
            // Registered at once, so a JVM that exits during the start leaves no Keycloak behind.
            Process started = process;
            hook = new Thread(() -> destroyTree(started), "keycloak-shutdown-" + config.httpPort());
            Runtime.getRuntime().addShutdownHook(hook);
            while (process.isAlive() && System.nanoTime() < deadline
                    && !logSince(config.logFile(), logOffset).contains(AUGMENTATION_DONE_MARKER)) {
                sleep(200);
            }
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                destroyTree(process);
                removeHook(hook);
            }
            throw e instanceof KeycloakStartException kse ? kse
                    : new KeycloakStartException("无法启动 " + kcSh + ": " + e.getMessage(), e);
        } finally {
            START_LOCK_IN_JVM.unlock();
        }

        KeycloakServer server = null;
        try {
            waitUntilReady(config, process, deadline, timeout);
            server = new KeycloakServer(config, process, Duration.ofNanos(System.nanoTime() - startNanos), hook);
            return server;
        } finally {
            if (server == null) {
                destroyTree(process);
                removeHook(hook);
            }
        }
    }

    /**
     * Copies the project's themes ({@code themes/} beside the realm file, e.g. the county's login theme) into the
     * distribution's {@code themes/} folder, where Keycloak finds folder themes; done under the start lock, so two
     * starts never write the same file at once.
     */
    private static void installThemes(Config config) throws IOException {
        Path source = config.realmFile().toAbsolutePath().getParent().resolve("themes");
        if (!Files.isDirectory(source)) {
            return;
        }
        Path target = config.home().resolve("themes");
        try (var files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<String> command(Path kcSh, Config config, Path data, Path importDir) {
        List<String> command = new ArrayList<>();
        command.add(kcSh.toString());
        command.add("start-dev");
        command.add("--hostname=http://127.0.0.1:" + config.httpPort());
        command.add("--http-host=127.0.0.1");
        command.add("--http-port=" + config.httpPort());
        command.add("--http-management-port=" + config.managementPort());
        command.add("--health-enabled=true");
        // State lives in the caller's data directory, not in <home>/data (kc.sh has no data-dir option; the
        // dev-file H2 database takes its URL, and --import-realm is hard-wired to <home>/data/import, so the
        // import is requested through the migration properties that --import-realm sets internally).
        command.add("--db-url=jdbc:h2:file:" + data.resolve("h2").resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
        command.add("-Dkeycloak.migration.action=import");
        command.add("-Dkeycloak.migration.provider=dir");
        command.add("-Dkeycloak.migration.dir=" + importDir);
        command.add("-Dkeycloak.migration.strategy=IGNORE_EXISTING");
        command.add("-Dkeycloak.migration.replace-placeholders=true");
        command.add("-Dquarkus.transaction-manager.object-store.directory=" + data.resolve("transaction-logs"));
        return command;
    }

    private static void waitUntilReady(Config config, Process process, long deadline, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + config.managementPort() + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new KeycloakStartException("Keycloak 进程已退出（退出码 " + process.exitValue() + "），未能就绪；日志: "
                        + config.logFile().toAbsolutePath() + "\n" + tail(config.logFile(), 25));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakStartException("等待 Keycloak 就绪时被中断", e);
            }
            sleep(250);
        }
        throw new KeycloakStartException("Keycloak 在 " + timeout.toSeconds() + " 秒内未就绪（" + ready + "）；日志: "
                + config.logFile().toAbsolutePath() + "\n" + tail(config.logFile(), 25));
    }

    /** {@code http://127.0.0.1:<httpPort>/realms/<realm>} — exactly the {@code iss} claim of its tokens. */
    public String issuerUri(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** {@code http://127.0.0.1:<httpPort>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + config.httpPort();
    }

    public Config config() {
        return config;
    }

    /** Wall-clock time from spawning the process to {@code /health/ready} = 200. */
    public Duration startupTime() {
        return startupTime;
    }

    public boolean isRunning() {
        return !stopped && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops Keycloak: SIGTERM to the launcher and the JVM under it, then SIGKILL after 15 s. Idempotent. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        destroyTree(process);
        removeHook(shutdownHook);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The unpacked distribution: system property {@code govinfo.keycloak.home}, environment
     * {@code GOVINFO_KEYCLOAK_HOME}, the path recorded by the local-infra build, or
     * {@code .work/keycloak/keycloak-<version>} in the working directory or one of its parents.
     */
    public static Path locateHome() {
        Optional<Path> explicit = Optional.ofNullable(System.getProperty("govinfo.keycloak.home"))
                .or(() -> Optional.ofNullable(System.getenv("GOVINFO_KEYCLOAK_HOME")))
                .map(Path::of);
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath();
        }
        Properties dist = distProperties();
        String recorded = dist.getProperty("keycloak.home");
        if (recorded != null && Files.isDirectory(Path.of(recorded))) {
            return Path.of(recorded);
        }
        String relative = ".work/keycloak/keycloak-" + dist.getProperty("keycloak.version", "26.5.6");
        return findUpwards(relative).orElseThrow(() -> new KeycloakStartException(
                "找不到 Keycloak 发行包（" + relative + "）；请先运行 ./mvnw -pl platform/local-infra install，"
                        + "或设置 -Dgovinfo.keycloak.home / GOVINFO_KEYCLOAK_HOME"));
    }

    /**
     * The realm file: system property {@code govinfo.keycloak.realm-file}, environment {@code GOVINFO_REALM_FILE},
     * {@code identity/govinfo-realm.json} in the working directory or a parent, or in the repository that holds the
     * distribution ({@code <repo>/.work/keycloak/keycloak-<version>}).
     */
    public static Path locateRealmFile() {
        Optional<Path> explicit = Optional.ofNullable(System.getProperty("govinfo.keycloak.realm-file"))
                .or(() -> Optional.ofNullable(System.getenv("GOVINFO_REALM_FILE")))
                .map(Path::of);
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath();
        }
        Optional<Path> nearby = findUpwards(REALM_FILE_IN_REPO);
        if (nearby.isPresent()) {
            return nearby.get();
        }
        String recorded = distProperties().getProperty("keycloak.home");
        if (recorded != null) {
            Path repoRoot = Path.of(recorded).getParent().getParent().getParent();
            Path candidate = repoRoot.resolve(REALM_FILE_IN_REPO);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new KeycloakStartException("找不到 realm 文件 " + REALM_FILE_IN_REPO
                + "；请在仓库内运行，或设置 -Dgovinfo.keycloak.realm-file / GOVINFO_REALM_FILE");
    }

    private static Properties distProperties() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream(DIST_PROPERTIES)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Optional<Path> findUpwards(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int envPort(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("环境变量 " + name + " 不是端口号: " + value, e);
        }
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new KeycloakStartException("Keycloak 的" + what + "端口 127.0.0.1:" + port
                    + " 已被占用（是否已有 Keycloak 在运行？）", e);
        }
    }

    private static void destroyTree(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        // kc.sh forwards SIGTERM to its JVM; signal the JVM directly too in case the shell is gone.
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private static String logSince(Path logFile, long offset) {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(logFile);
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(日志不可读: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakStartException("等待 Keycloak 启动时被中断", e);
        }
    }
}
