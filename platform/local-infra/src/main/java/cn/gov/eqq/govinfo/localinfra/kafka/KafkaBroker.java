package cn.gov.eqq.govinfo.localinfra.kafka;

import cn.gov.eqq.govinfo.localinfra.process.ChildProcess;
import cn.gov.eqq.govinfo.localinfra.process.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real Apache Kafka broker (KRaft, broker and controller in one process) as a child process, run from the jars
 * that the local-infra build copies to {@code <repo>/.work/kafka-libs}. Plain Java, no Kafka classes needed here.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * @param libsDir        the broker's classpath folder; {@code null} = {@link #defaultLibsDir()}
     * @param dataDir        log.dirs, config and the log file live here; formatted once, kept across restarts
     * @param port           client port (0 = a free one)
     * @param controllerPort controller port (0 = a free one)
     * @param jvmOptions     e.g. {@code -Xmx512m}
     * @param autoCreateTopics {@code auto.create.topics.enable}: on for tests that produce to ad-hoc topics, off
     *                         for the devstack, whose topics all come from the catalogue (as in production)
     */
    public record Config(Path libsDir, Path dataDir, int port, int controllerPort, List<String> jvmOptions,
                         boolean autoCreateTopics) {
        public Config {
            jvmOptions = List.copyOf(jvmOptions);
        }

        public Config(Path libsDir, Path dataDir, int port, int controllerPort, List<String> jvmOptions) {
            this(libsDir, dataDir, port, controllerPort, jvmOptions, true);
        }

        public static Config of(Path dataDir, int port, int controllerPort) {
            return new Config(null, dataDir, port, controllerPort, List.of("-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1"));
        }
    }

    private static final String LIBS_PROPERTY = "govinfo.kafka.libs";
    private static final String LIBS_ENV = "GOVINFO_KAFKA_LIBS";

    private final ChildProcess process;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final Duration startupTime;

    private KafkaBroker(ChildProcess process, int port, int controllerPort, Path logFile, Duration startupTime) {
        this.process = process;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
        this.startupTime = startupTime;
    }

    /** Formats the data dir if needed, starts the broker and waits until it answers a metadata request. */
    public static KafkaBroker start(Config config, Duration timeout) {
        long begin = System.nanoTime();
        Path libs = config.libsDir() != null ? config.libsDir() : defaultLibsDir();
        checkLibs(libs);
        int port = FreePorts.orPick(config.port());
        int controllerPort = FreePorts.orPick(config.controllerPort());
        if (controllerPort == port) {
            controllerPort = FreePorts.pick();
        }
        if (FreePorts.isOpen(port)) {
            throw new IllegalStateException("Kafka 端口 " + port + " 已被占用 / Kafka port " + port
                    + " is already in use (another devstack? set KAFKA_PORT)");
        }
        Path dataDir = config.dataDir().toAbsolutePath();
        Path logDir = dataDir.resolve("kraft-logs");
        Path logFile = dataDir.resolve("kafka.log");
        try {
            Files.createDirectories(logDir);
            Path properties = dataDir.resolve("server.properties");
            Files.writeString(properties, serverProperties(port, controllerPort, logDir, config.autoCreateTopics()));
            Path log4j = dataDir.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J2);

            List<String> jvm = new ArrayList<>();
            jvm.add(ChildProcess.javaExecutable());
            jvm.addAll(config.jvmOptions());
            jvm.add("-Dlog4j2.configurationFile=" + log4j.toUri());
            jvm.add("-cp");
            jvm.add(libs.toAbsolutePath() + "/*");

            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(jvm, properties, dataDir, logFile, timeout);
            }
            List<String> command = new ArrayList<>(jvm);
            command.add("kafka.Kafka");
            command.add(properties.toString());
            ChildProcess child = ChildProcess.start("kafka", command, Map.of(), dataDir, logFile);
            try {
                awaitReady(child, port, timeout, begin);
            } catch (RuntimeException e) {
                child.stop();
                throw e;
            }
            return new KafkaBroker(child, port, controllerPort, logFile, Duration.ofNanos(System.nanoTime() - begin));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data dir " + dataDir, e);
        }
    }

    private static void format(List<String> jvm, Path properties, Path dataDir, Path logFile, Duration timeout)
            throws IOException {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", randomClusterId(),
                "-c", properties.toString()));
        ChildProcess formatter = ChildProcess.start("kafka-storage-format", command, Map.of(), dataDir, logFile);
        try {
            int exit = formatter.waitFor(timeout);
            if (exit != 0) {
                throw new IllegalStateException("Kafka 存储格式化失败 / Kafka storage format failed (exit " + exit
                        + "); log: " + logFile + "\n" + formatter.logTail(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        } finally {
            formatter.stop();
        }
    }

    private static void awaitReady(ChildProcess child, int port, Duration timeout, long begin) {
        long deadline = begin + timeout.toNanos();
        String last = "port not open";
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("Kafka 进程已退出 / Kafka broker exited during start; log: "
                        + child.logFile() + "\n" + child.logTail(30));
            }
            if (FreePorts.isOpen(port)) {
                try {
                    int brokers = KafkaMetadataProbe.brokerCount(FreePorts.LOOPBACK, port, Duration.ofSeconds(3));
                    if (brokers > 0) {
                        return;
                    }
                    last = "metadata lists no broker yet";
                } catch (IOException e) {
                    last = "metadata request failed: " + e.getMessage();
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
        }
        throw new IllegalStateException("Kafka 未在 " + timeout.toSeconds() + " 秒内就绪 / Kafka broker not ready within "
                + timeout.toSeconds() + " s on 127.0.0.1:" + port + " (" + last + "); log: " + child.logFile()
                + "\n" + child.logTail(30));
    }

    static String serverProperties(int port, int controllerPort, Path logDir, boolean autoCreateTopics) {
        return String.join("\n",
                "# written by KafkaBroker at every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=" + autoCreateTopics,
                "log.dirs=" + logDir,
                "");
    }

    /** Same shape as Kafka's {@code Uuid.randomUuid().toString()}: 16 random bytes, URL-safe base64, no padding. */
    static String randomClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) { // a leading dash would read as a command-line option
                return id;
            }
        }
    }

    /**
     * {@code -Dgovinfo.kafka.libs}, else {@code $GOVINFO_KAFKA_LIBS}, else the first {@code .work/kafka-libs} found
     * from the working directory upwards (tests run in a module folder, the devstack in the repository root).
     */
    public static Path defaultLibsDir() {
        String configured = System.getProperty(LIBS_PROPERTY, System.getenv(LIBS_ENV));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".work/kafka-libs");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("找不到 Kafka 的 jar 目录 .work/kafka-libs，请先构建 platform/local-infra / "
                + "Kafka libs (.work/kafka-libs) not found: build platform/local-infra first "
                + "(./mvnw -q -B -pl platform/local-infra install -DskipTests) or set -D" + LIBS_PROPERTY);
    }

    private static void checkLibs(Path libs) {
        try (Stream<Path> files = Files.list(libs)) {
            long servers = files.filter(f -> f.getFileName().toString().matches("kafka_2\\.13-.*\\.jar")).count();
            if (servers != 1) {
                throw new IllegalStateException(libs + " 中应恰好有一个 kafka_2.13 jar，实有 " + servers
                        + "；删除该目录后重新构建 platform/local-infra / " + libs + " must hold exactly one kafka_2.13 jar, found "
                        + servers + ": delete it and build platform/local-infra again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka libs " + libs, e);
        }
    }

    public String bootstrapServers() {
        return FreePorts.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    /** From the call to {@link #start} until the broker answered a metadata request (including any format). */
    public Duration startupTime() {
        return startupTime;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (a clean controlled shutdown takes a few seconds), SIGKILL after 20 s. */
    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        stop();
    }

    private static final String LOG4J2 = String.join("\n",
            "# Kafka logs INFO to stdout, which KafkaBroker appends to kafka.log",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = STDOUT",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.out.ref = STDOUT",
            "logger.kafka.name = kafka",
            "logger.kafka.level = INFO",
            "logger.state.name = state.change.logger",
            "logger.state.level = WARN",
            "logger.request.name = kafka.request.logger",
            "logger.request.level = WARN",
            "");
}
