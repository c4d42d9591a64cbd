package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.localinfra.kafka.KafkaBroker;
import cn.gov.eqq.govinfo.localinfra.keycloak.KeycloakServer;
import cn.gov.eqq.govinfo.localinfra.mongo.MongoWireServer;
import cn.gov.eqq.govinfo.localinfra.process.ChildProcess;
import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import cn.gov.eqq.govinfo.localinfra.process.ServiceProcess;
import cn.gov.eqq.govinfo.localinfra.process.Supervisor;
import cn.gov.eqq.govinfo.localinfra.redis.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole system on this machine: MongoDB, Kafka and Keycloak in parallel, then the five services in parallel, then
 * the gateway. {@link #close()} stops everything it started, in reverse order. Usable from tests and from
 * {@link DevStackMain}.
 */
public final class DevStack implements AutoCloseable {

    /** Marker on every child's command line, so a later start can find orphans of a devstack that was killed. */
    static final String MARKER_PROPERTY = "-Dgovinfo.devstack.data=";
    private static final String CHILDREN_FILE = "devstack.children";
    private static final String LOCK_FILE = "devstack.lock";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final DevStackConfig config;
    private final Consumer<String> progress;
    private final Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess> processes = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    private FileChannel lockChannel;
    private FileLock lock;
    private volatile MongoWireServer mongoServer;
    private volatile KafkaBroker kafka;
    private volatile RedisServer redis;
    private volatile KeycloakServer keycloak;
    private String mongoBaseUri;
    private String keycloakIssuer;
    private int keycloakPort;
    private int keycloakManagementPort;
    private int kafkaPort;
    private int kafkaControllerPort;
    private int mongoPort;
    private int redisPort;
    private final java.util.Set<Integer> taken = new java.util.HashSet<>();
    private Duration startupTime;
    private boolean closed;
    /** Restarts a service or the gateway whose process exits, as Kubernetes would (docs/devstack.md). */
    private final Supervisor supervisor;

    private DevStack(DevStackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.supervisor = new Supervisor(Supervisor.Backoff.standard(), this::say);
    }

    /** Starts everything the config asks for and returns when the gateway (or the last service) is ready. */
    public static DevStack start(DevStackConfig config) {
        return start(config, line -> System.out.println("[devstack] " + line));
    }

    public static DevStack start(DevStackConfig config, Consumer<String> progress) {
        DevStack stack = new DevStack(config, progress);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        long begin = System.nanoTime();
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.logDir(), e);
        }
        requireJars();
        lockDataDir();
        killOrphansOfAnEarlierRun();
        keepPreviousLogs();
        resolvePorts();

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(3, config.services().size()));
        try {
            List<Callable<Void>> infra = new ArrayList<>();
            infra.add(timed("MongoDB", this::startMongo));
            infra.add(timed("Kafka", this::startKafkaBroker));
            if (config.keycloak()) {
                infra.add(timed("Keycloak", this::startKeycloak));
            }
            if (redisPort != 0) {
                infra.add(timed("Redis", this::startRedis));
            }
            runAll(pool, infra);
            timed("Kafka topics", () -> {
                var created = ProjectTopics.create(kafka.bootstrapServers());
                say("Kafka 主题 / topics: " + (created.isEmpty() ? "已存在 / already there" : "新建 / created "
                        + created.size()));
            }).call();

            List<Callable<Void>> backends = new ArrayList<>();
            for (Service service : Service.backends()) {
                if (config.services().contains(service)) {
                    backends.add(timed(service.artifactId(), () -> startSupervised(service)));
                }
            }
            runAll(pool, backends);
            if (config.services().contains(Service.GATEWAY)) {
                timed("gateway", () -> startSupervised(Service.GATEWAY)).call();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Before anything starts: a missing jar should cost no broker start. */
    private void requireJars() {
        List<String> missing = new ArrayList<>();
        for (Service service : config.services()) {
            if (!Files.isRegularFile(config.jarOf(service))) {
                missing.add(service.artifactId() + ": " + config.jarOf(service));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("找不到 jar，请先构建（./mvnw -q -B install -DskipTests）/ jars not found, "
                    + "build first (./mvnw -q -B install -DskipTests):\n  " + String.join("\n  ", missing));
        }
    }

    private void lockDataDir() {
        try {
            lockChannel = FileChannel.open(config.dataDir().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + config.dataDir(), e);
        }
        if (lock == null) {
            throw new IllegalStateException("数据目录正被另一个 devstack 使用 / the data dir " + config.dataDir()
                    + " is in use by another devstack (bin/govinfo status / down)");
        }
    }

    /**
     * A devstack killed with SIGKILL cannot stop its children. They are listed in {@code devstack.children}; the
     * next start (which holds the lock, so no live devstack owns them) kills those still running with our marker.
     */
    private void killOrphansOfAnEarlierRun() {
        Path file = config.dataDir().resolve(CHILDREN_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(line.trim()));
                orphan.filter(p -> p.info().commandLine().map(c -> c.contains(config.dataDir().toString()))
                        .orElse(false)).ifPresent(p -> {
                            say("停止上次遗留的进程 / stopping a leftover process of an earlier run: pid " + p.pid());
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                        });
            }
            Files.delete(file);
        } catch (IOException | NumberFormatException e) {
            say("无法读取 / cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Each process appends to its log; the previous run's becomes {@code *.log.1} so logs do not grow forever. */
    private void keepPreviousLogs() {
        try (var files = Files.list(config.logDir())) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                if (!log.getFileName().toString().equals("devstack.log")) { // open already: slf4j writes to it
                    Files.move(log, log.resolveSibling(log.getFileName() + ".1"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            say("无法轮换日志 / cannot rotate logs in " + config.logDir() + ": " + e.getMessage());
        }
    }

    private void recordChild(long pid) {
        try {
            Files.writeString(config.dataDir().resolve(CHILDREN_FILE), pid + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            say("无法记录子进程 / cannot record child pid " + pid + ": " + e.getMessage());
        }
    }

    private void resolvePorts() {
        DevStackConfig.Ports ports = config.ports();
        List<String> busy = new ArrayList<>();
        for (Service service : config.services()) {
            int port = pick(ports.of(service));
            checkFree(port, service.portEnv(), busy);
            servicePorts.put(service, port);
        }
        keycloakPort = pick(ports.keycloak());
        keycloakManagementPort = pick(ports.keycloakManagement());
        if (config.keycloak()) {
            checkFree(keycloakPort, "KEYCLOAK_PORT", busy);
            checkFree(keycloakManagementPort, "KEYCLOAK_MANAGEMENT_PORT", busy);
        }
        keycloakIssuer = "http://127.0.0.1:" + keycloakPort + "/realms/" + KeycloakServer.REALM;
        kafkaPort = pick(ports.kafka());
        kafkaControllerPort = pick(ports.kafkaController());
        checkFree(kafkaPort, "KAFKA_PORT", busy);
        checkFree(kafkaControllerPort, "KAFKA_CONTROLLER_PORT", busy);
        if (config.mongo() != DevStackConfig.Mongo.EXTERNAL) {
            mongoPort = pick(ports.mongo());
            checkFree(mongoPort, "MONGO_PORT", busy);
        }
        if (config.services().contains(Service.GATEWAY)) {
            redisPort = pick(ports.redis());
            checkFree(redisPort, "REDIS_PORT", busy);
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("端口已被占用 / ports already in use: " + String.join(", ", busy)
                    + " — 另一个 devstack 在运行？用环境变量改端口 / another devstack running? override by environment");
        }
    }

    /** The requested port, or a free one that no other part of this stack was given. */
    private int pick(int requested) {
        if (requested != 0) {
            taken.add(requested);
            return requested;
        }
        while (true) {
            int port = FreePorts.pick();
            if (taken.add(port)) {
                return port;
            }
        }
    }

    private static void checkFree(int port, String env, List<String> busy) {
        if (FreePorts.isOpen(port)) {
            busy.add(port + " (" + env + ")");
        }
    }

    private void startMongo() {
        switch (config.mongo()) {
            case EXTERNAL -> {
                mongoBaseUri = config.externalMongoUri();
                if (!MongoUris.isReachable(mongoBaseUri)) {
                    say("警告：MONGODB_URI 暂不可达 / warning: MONGODB_URI not reachable now: "
                            + MongoUris.firstHostPort(mongoBaseUri));
                }
                say("MongoDB: 外部 / external " + MongoUris.firstHostPort(mongoBaseUri));
            }
            case MEMORY -> {
                mongoServer = MongoWireServer.inMemory(mongoPort);
                mongoBaseUri = mongoServer.uri("");
                say("MongoDB 就绪 / ready (mongo-java-server, memory) " + mongoServer.uri(""));
            }
            case H2 -> {
                mongoServer = MongoWireServer.h2File(config.dataDir().resolve("mongo/govinfo.mv"),
                        mongoPort);
                mongoBaseUri = mongoServer.uri("");
                say("MongoDB 就绪 / ready (mongo-java-server, H2 " + config.dataDir().resolve("mongo/govinfo.mv")
                        + ") " + mongoServer.uri(""));
            }
        }
    }

    /** What the gateway's replicas share (sessions, rate limits): only started with the gateway. */
    private void startRedis() {
        redis = RedisServer.start(redisPort, config.dataDir().resolve("redis"), config.logDir().resolve("redis.log"),
                config.infraTimeout());
        recordChild(redis.pid());
        say("Redis 就绪 / ready " + redis.url() + " (" + seconds(redis.startupTime()) + ")");
    }

    private void startKafkaBroker() {
        Path dir = config.dataDir().resolve("kafka");
        KafkaBroker.Config kafkaConfig = new KafkaBroker.Config(null, dir, kafkaPort, kafkaControllerPort,
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        MARKER_PROPERTY + config.dataDir()),
                false); // no auto-creation: every topic comes from the catalogue (ProjectTopics), as in production
        kafka = KafkaBroker.start(kafkaConfig, config.infraTimeout());
        recordChild(kafka.pid());
        say("Kafka 就绪 / ready " + kafka.bootstrapServers() + " (" + seconds(kafka.startupTime()) + ", log "
                + kafka.logFile() + ")");
    }

    private void startKeycloak() {
        awaitNoLingeringConnections(keycloakPort);
        awaitNoLingeringConnections(keycloakManagementPort);
        Path dir = config.dataDir().resolve("keycloak");
        KeycloakServer.Config kc = new KeycloakServer.Config(keycloakHome(), keycloakPort,
                keycloakManagementPort, config.repoRoot().resolve("identity/govinfo-realm.json"), dir,
                config.logDir().resolve("keycloak.log"));
        keycloak = KeycloakServer.start(kc, config.infraTimeout());
        recordChild(keycloak.pid());
        say("Keycloak 就绪 / ready " + keycloak.issuerUri(KeycloakServer.REALM) + " ("
                + seconds(keycloak.startupTime()) + ")");
    }

    /**
     * This checkout's own unpacked distribution when there is one: the path recorded in the local-infra jar names
     * whichever checkout last installed that jar into ~/.m2.
     */
    private Path keycloakHome() {
        Path unpacked = config.repoRoot().resolve(".work/keycloak");
        if (Files.isDirectory(unpacked)) {
            try (var dirs = Files.list(unpacked)) {
                Optional<Path> own = dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-"))
                        .filter(d -> Files.isExecutable(d.resolve("bin/kc.sh"))).sorted().reduce((a, b) -> b);
                if (own.isPresent()) {
                    return own.get();
                }
            } catch (IOException e) {
                say("cannot read " + unpacked + ": " + e.getMessage());
            }
        }
        return KeycloakServer.locateHome();
    }

    /**
     * KeycloakServer refuses a port that it cannot bind without SO_REUSEADDR, which is also the case for a minute
     * after a restart while the old connections sit in TIME_WAIT. Nothing listens then: wait for them to go.
     */
    private void awaitNoLingeringConnections(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean told = false;
        while (!FreePorts.isOpen(port) && !bindsWithoutReuse(port) && System.nanoTime() < deadline) {
            if (!told) {
                say("等待端口 " + port + " 上的旧连接结束 / waiting for old connections on port " + port
                        + " to close (TIME_WAIT)");
                told = true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean bindsWithoutReuse(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new java.net.InetSocketAddress(FreePorts.LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void startService(Service service) {
        int port = servicePorts.get(service);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", FreePorts.LOOPBACK);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("KEYCLOAK_ISSUER_URI", keycloakIssuer);
        if (service.database() != null) {
            env.put("MONGODB_URI", mongoUri(service.database()));
        }
        if (service.isGateway()) {
            env.put("GATEWAY_REDIS_URL", redis.url());
            for (Service backend : Service.backends()) {
                if (servicePorts.containsKey(backend)) {
                    env.put(backend.uriEnv(), serviceUrl(backend));
                }
            }
        }
        List<String> jvm = new ArrayList<>(config.serviceJvmOptions());
        jvm.add(MARKER_PROPERTY + config.dataDir());
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec(service.artifactId(),
                stagedJar(service), port, jvm, env, config.logDir().resolve(service.artifactId() + ".log")));
        processes.put(service, process);
        recordChild(process.process().pid());
        long begin = System.nanoTime();
        process.awaitReady(config.serviceTimeout(), prerequisites(service));
        say(service.artifactId() + " 就绪 / ready " + process.baseUrl() + " ("
                + seconds(Duration.ofNanos(System.nanoTime() - begin)) + ")");
    }

    /** Starts the service and has the supervisor start it again whenever its process exits. */
    private void startSupervised(Service service) {
        startService(service);
        supervisor.supervise(service.artifactId(), processes.get(service).process(), () -> startedAgain(service));
    }

    /** The supervisor's restart: the same port and settings; a process that started but is not ready is kept. */
    private ChildProcess startedAgain(Service service) {
        ServiceProcess old = processes.get(service);
        if (old != null) {
            old.stop(); // already gone: only forgets it and its shutdown hook
        }
        try {
            startService(service);
        } catch (IllegalStateException e) {
            ServiceProcess now = processes.get(service);
            if (now == null || now == old || !now.process().isAlive()) {
                throw e;
            }
            say(service.artifactId() + " 已重启但未就绪 / restarted, not ready yet: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        return processes.get(service).process();
    }

    /**
     * A copy of the jar in {@code <dataDir>/jars}: a JVM loads classes from its jar lazily, so a rebuild of the module
     * while the devstack runs would otherwise break the running service. Copied again only when the jar changed.
     */
    private Path stagedJar(Service service) {
        Path source = config.jarOf(service);
        Path copy = config.dataDir().resolve("jars").resolve(service.artifactId() + ".jar");
        try {
            Files.createDirectories(copy.getParent());
            if (!Files.exists(copy) || Files.size(copy) != Files.size(source)
                    || !Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(source))) {
                Path tmp = copy.resolveSibling(copy.getFileName() + ".tmp");
                Files.copy(source, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(tmp, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + copy, e);
        }
    }

    private List<ServiceProcess.Prerequisite> prerequisites(Service service) {
        List<ServiceProcess.Prerequisite> list = new ArrayList<>();
        list.add(new ServiceProcess.Prerequisite("Kafka 不可达 " + kafka.bootstrapServers(),
                "Kafka not reachable at " + kafka.bootstrapServers(), () -> FreePorts.isOpen(kafka.port())));
        list.add(new ServiceProcess.Prerequisite("Keycloak 未就绪 " + keycloakIssuer,
                "Keycloak not ready at " + keycloakIssuer, this::keycloakAnswers));
        if (service.database() != null) {
            list.add(new ServiceProcess.Prerequisite("MongoDB 不可达 " + MongoUris.firstHostPort(mongoBaseUri),
                    "MongoDB not reachable at " + MongoUris.firstHostPort(mongoBaseUri),
                    () -> MongoUris.isReachable(mongoBaseUri)));
        }
        if (service.isGateway()) {
            list.add(new ServiceProcess.Prerequisite("Redis 不可达 " + redis.url(), "Redis not reachable at " + redis.url(),
                    redis::isAlive));
            for (Service backend : Service.backends()) {
                ServiceProcess p = processes.get(backend);
                if (p != null) {
                    list.add(new ServiceProcess.Prerequisite(backend.artifactId() + " 未就绪 " + p.baseUrl(),
                            backend.artifactId() + " not ready at " + p.baseUrl(), () -> answers200(p.readinessUrl())));
                }
            }
        }
        return list;
    }

    private boolean keycloakAnswers() {
        return answers200(keycloakIssuer + "/.well-known/openid-configuration");
    }

    private static boolean answers200(String url) {
        try {
            // generous: this only runs to explain a failure, often on a machine that is busy starting JVMs
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Callable<Void> timed(String what, Runnable step) {
        return () -> {
            long begin = System.nanoTime();
            step.run();
            timings.put(what, Duration.ofNanos(System.nanoTime() - begin));
            return null;
        };
    }

    /** Runs the steps in parallel; when any fails, waits for the others and throws with every failure. */
    private static void runAll(ExecutorService pool, List<Callable<Void>> steps) throws InterruptedException {
        List<Future<Void>> futures = new ArrayList<>();
        for (Callable<Void> step : steps) {
            futures.add(pool.submit(step));
        }
        List<Throwable> failures = new ArrayList<>();
        for (Future<Void> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException error = new IllegalStateException(failures.stream().map(Throwable::getMessage)
                    .collect(Collectors.joining("\n\n")), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    private void say(String line) {
        progress.accept(line);
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    // --- what a caller needs -------------------------------------------------------------------------------------

    public String gatewayUrl() {
        return serviceUrl(Service.GATEWAY);
    }

    /** {@code http://127.0.0.1:<port>} of a started service or the gateway. */
    public String serviceUrl(Service service) {
        Integer port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException(service.artifactId() + " is not part of this devstack");
        }
        return "http://" + FreePorts.LOOPBACK + ":" + port;
    }

    public Map<Service, String> serviceUrls() {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        servicePorts.keySet().forEach(s -> urls.put(s, serviceUrl(s)));
        return urls;
    }

    /** {@code http://127.0.0.1:<port>/realms/govinfo} — the issuer the services check. */
    public String keycloakIssuerUri() {
        return keycloakIssuer;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The MongoDB URI of one database (each service has its own). */
    public String mongoUri(String database) {
        return MongoUris.withDatabase(mongoBaseUri, database);
    }

    public DevStackConfig config() {
        return config;
    }

    /** From {@link #start} until the last process was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** How long each step took (the infrastructure ones ran in parallel, then the services, then the gateway). */
    public Map<String, Duration> timings() {
        return Map.copyOf(timings);
    }

    /** Process ids of every child process this devstack started (not their descendants). */
    public List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        if (kafka != null) {
            pids.add(kafka.pid());
        }
        if (keycloak != null) {
            pids.add(keycloak.pid());
        }
        synchronized (processes) {
            processes.values().forEach(p -> pids.add(p.process().pid()));
        }
        return pids;
    }

    // --- fault injection (system-tests/.../faults): break one part, keep its port and data, start it again ---------

    /**
     * {@code kill -9} of one service or the gateway: no shutdown hook, no flush, exactly what a crash does. Returns the
     * pid that was killed, once it is gone. Its port stays reserved for {@link #restartService}.
     */
    public long killService(Service service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service.artifactId() + " is not running in this devstack");
        }
        supervisor.hold(service.artifactId()); // the test restarts it itself
        ProcessHandle handle = process.process().handle();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(handle);
        handle.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, service.artifactId());
        process.stop(); // already dead: only forgets the process and its shutdown hook
        say(service.artifactId() + " 已强行终止 / killed (SIGKILL) pid " + handle.pid());
        return handle.pid();
    }

    /** Starts a killed (or stopped) service again on its port and returns when it is ready. */
    public Duration restartService(Service service) {
        ServiceProcess old = processes.get(service);
        if (old != null && old.process().isAlive()) {
            throw new IllegalStateException(service.artifactId() + " is still running (pid " + old.process().pid() + ")");
        }
        long begin = System.nanoTime();
        startSupervised(service);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Whether the process of a service is alive (it may still be starting). */
    public boolean isRunning(Service service) {
        ServiceProcess process = processes.get(service);
        return process != null && process.process().isAlive();
    }

    /** Pid of a service's process, for a test that wants to {@code kill -9} it itself. */
    public long pidOf(Service service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service.artifactId() + " is not running in this devstack");
        }
        return process.process().pid();
    }

    /** Stops the Kafka broker cleanly (SIGTERM); its log dirs stay, and {@link #startKafka()} reuses its ports. */
    public synchronized void stopKafka() {
        if (kafka == null || !kafka.isAlive()) {
            throw new IllegalStateException("Kafka is not running in this devstack");
        }
        kafka.stop();
        say("Kafka 已停止 / stopped");
    }

    /** Starts the broker again on the same ports and data; returns the time until it answered a metadata request. */
    public synchronized Duration startKafka() {
        if (kafka != null && kafka.isAlive()) {
            throw new IllegalStateException("Kafka is still running");
        }
        startKafkaBroker();
        return kafka.startupTime();
    }

    /**
     * Stops the in-process MongoDB wire server: clients see their connections closed, H2 writes its file. Only for
     * {@link DevStackConfig.Mongo#H2}, the one whose data outlives a stop.
     */
    public synchronized void stopMongo() {
        if (config.mongo() != DevStackConfig.Mongo.H2) {
            throw new IllegalStateException("only the H2 wire server keeps its data across a restart (mongo is "
                    + config.mongo() + ")");
        }
        if (mongoServer == null) {
            throw new IllegalStateException("MongoDB is not running in this devstack");
        }
        mongoServer.stop();
        mongoServer = null;
        say("MongoDB 已停止 / stopped");
    }

    /** Starts the H2 wire server again on the same port and file. */
    public synchronized Duration startMongoAgain() {
        if (mongoServer != null) {
            throw new IllegalStateException("MongoDB is still running");
        }
        long begin = System.nanoTime();
        startMongo();
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Stops Keycloak (SIGTERM, its H2 database stays). */
    public synchronized void stopKeycloak() {
        if (keycloak == null || !keycloak.isRunning()) {
            throw new IllegalStateException("Keycloak is not running in this devstack");
        }
        keycloak.stop();
        say("Keycloak 已停止 / stopped");
    }

    /** Starts Keycloak again on the same ports and database; returns the time until it was ready. */
    public synchronized Duration startKeycloakAgain() {
        if (keycloak != null && keycloak.isRunning()) {
            throw new IllegalStateException("Keycloak is still running");
        }
        startKeycloak();
        return keycloak.startupTime();
    }

    private static void awaitExit(List<ProcessHandle> tree, String name) {
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(name + " (pid " + p.pid() + ") did not die within 10 s of SIGKILL", e);
            }
        }
    }

    /** Stops the gateway, then the services (in parallel), then Keycloak, Kafka and MongoDB. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.close();
        ServiceProcess gateway = processes.get(Service.GATEWAY);
        if (gateway != null) {
            gateway.stop();
        }
        List<Thread> stoppers = new ArrayList<>();
        synchronized (processes) {
            for (ServiceProcess p : processes.values()) {
                stoppers.add(startThread(p::stop));
            }
        }
        if (keycloak != null) {
            stoppers.add(startThread(keycloak::stop));
        }
        joinAll(stoppers);
        if (kafka != null) {
            kafka.stop();
        }
        if (mongoServer != null) {
            mongoServer.stop();
        }
        if (redis != null) {
            redis.close();
        }
        try {
            Files.deleteIfExists(config.dataDir().resolve(CHILDREN_FILE));
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            say("cannot release " + config.dataDir().resolve(LOCK_FILE) + ": " + e.getMessage());
        }
    }

    private static Thread startThread(Runnable r) {
        Thread t = new Thread(r, "devstack-stop");
        t.start();
        return t;
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
