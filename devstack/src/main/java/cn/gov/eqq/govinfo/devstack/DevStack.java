package cn.gov.eqq.govinfo.devstack;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The parts: {@link StackDirectory} (the data directory, its lock, orphans, logs, jars), {@link StackPorts}
 * (every port chosen before anything starts), {@link Infrastructure} (database, broker, Keycloak, Redis) and
 * {@link ServiceProcesses} (the supervised service processes). This class orders their start and stop and is what a
 * caller sees.
 */
public final class DevStack implements AutoCloseable {

    /** Marker on every child's command line, so a later start can find orphans of a devstack that was killed. */
    static final String MARKER_PROPERTY = "-Dgovinfo.devstack.data=";

    private final DevStackConfig config;
    private final Consumer<String> progress;
    private final StackDirectory directory;
    private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    private StackPorts ports;
    private Infrastructure infra;
    private ServiceProcesses services;
    private Duration startupTime;
    private boolean servicesStarted;
    private boolean closed;

    private DevStack(DevStackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.directory = new StackDirectory(config, this::say);
    }

    /** Starts everything the config asks for and returns when the gateway (or the last service) is ready. */
    public static DevStack start(DevStackConfig config) {
        return start(config, line -> System.out.println("[devstack] " + line));
    }

    public static DevStack start(DevStackConfig config, Consumer<String> progress) {
        DevStack stack = startInfrastructure(config, progress);
        try {
            stack.startServices();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts the database, the broker (with the project's topics), Keycloak and Redis, and no service: for an
     * operator's restore into an empty system, which puts the data in place before the services of this release
     * first start (and migrate it). Every service's port is chosen already; {@link #startServices()} starts them.
     */
    public static DevStack startInfrastructure(DevStackConfig config, Consumer<String> progress) {
        DevStack stack = new DevStack(config, progress);
        try {
            stack.startInfrastructure();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        long begin = System.nanoTime();
        directory.createLogDir();
        requireJars();
        directory.claim();
        ports = new StackPorts(config);
        infra = new Infrastructure(config, ports, directory, this::say);
        services = new ServiceProcesses(config, ports, directory, infra, this::say);

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(3, config.services().size()));
        try {
            List<Callable<Void>> steps = new ArrayList<>();
            steps.add(timed("MongoDB", infra::startMongo));
            steps.add(timed("Kafka", infra::startKafka));
            if (config.keycloak()) {
                steps.add(timed("Keycloak", infra::startKeycloak));
            }
            if (ports.redis() != 0) {
                steps.add(timed("Redis", infra::startRedis));
            }
            runAll(pool, steps);
            timed("Kafka topics", () -> {
                var created = ProjectTopics.create(infra.kafkaBootstrapServers());
                say("Kafka 主题 / topics: " + (created.isEmpty() ? "已存在 / already there" : "新建 / created "
                        + created.size()));
            }).call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
    }

    /**
     * Starts the services the config asks for, in parallel, then the gateway, and returns when all are ready. Once
     * per stack: {@link #start} calls it; after {@link #startInfrastructure} the caller does.
     */
    public synchronized void startServices() {
        if (servicesStarted) {
            throw new IllegalStateException("the services of this devstack are started already");
        }
        servicesStarted = true;
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(3, config.services().size()));
        try {
            List<Callable<Void>> backends = new ArrayList<>();
            for (Service service : Service.backends()) {
                if (config.services().contains(service)) {
                    backends.add(timed(service.artifactId(), () -> services.startSupervised(service)));
                }
            }
            runAll(pool, backends);
            if (config.services().contains(Service.GATEWAY)) {
                timed("gateway", () -> services.startSupervised(Service.GATEWAY)).call();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        startupTime = startupTime.plus(Duration.ofNanos(System.nanoTime() - begin));
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

    // --- what a caller needs -------------------------------------------------------------------------------------

    public String gatewayUrl() {
        return serviceUrl(Service.GATEWAY);
    }

    /** {@code http://127.0.0.1:<port>} of a started service or the gateway (its first replica). */
    public String serviceUrl(Service service) {
        return services.urlOf(service, 1);
    }

    /** {@code http://127.0.0.1:<port>} of one replica (1 = the first) of a service or the gateway. */
    public String serviceUrl(Service service, int replica) {
        return services.urlOf(service, replica);
    }

    /** How many processes of the service this stack runs (0 when it does not run it). */
    public int replicasOf(Service service) {
        return ports.replicasOf(service);
    }

    public Map<Service, String> serviceUrls() {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        ports.services().keySet().forEach(s -> urls.put(s, serviceUrl(s)));
        return urls;
    }

    /** {@code http://127.0.0.1:<port>/realms/govinfo} — the issuer the services check. */
    public String keycloakIssuerUri() {
        return infra.keycloakIssuer();
    }

    public String kafkaBootstrapServers() {
        return infra.kafkaBootstrapServers();
    }

    /** The MongoDB URI of one database (each service has its own). */
    public String mongoUri(String database) {
        return infra.mongoUri(database);
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
        List<Long> pids = new ArrayList<>(infra.childPids());
        pids.addAll(services.pids());
        return pids;
    }

    // --- fault injection (system-tests/.../faults): break one part, keep its port and data, start it again ---------

    /**
     * {@code kill -9} of one service or the gateway: no shutdown hook, no flush, exactly what a crash does. Returns the
     * pid that was killed, once it is gone. Its port stays reserved for {@link #restartService}.
     */
    public long killService(Service service) {
        return killService(service, 1);
    }

    /** {@code kill -9} of one replica of a service or the gateway. */
    public long killService(Service service, int replica) {
        return services.kill(new ServiceProcesses.Replica(service, replica));
    }

    /** Starts a killed (or stopped) service again on its port and returns when it is ready. */
    public Duration restartService(Service service) {
        return restartService(service, 1);
    }

    /** Starts a killed (or stopped) replica again on its port and returns when it is ready. */
    public Duration restartService(Service service, int replica) {
        return services.restart(new ServiceProcesses.Replica(service, replica));
    }

    /** Whether the process of a service (its first replica) is alive (it may still be starting). */
    public boolean isRunning(Service service) {
        return services.isRunning(new ServiceProcesses.Replica(service, 1));
    }

    /** Pid of a service's process (its first replica), for a test that wants to {@code kill -9} it itself. */
    public long pidOf(Service service) {
        return pidOf(service, 1);
    }

    /** Pid of one replica's process. */
    public long pidOf(Service service, int replica) {
        return services.pidOf(new ServiceProcesses.Replica(service, replica));
    }

    /** Stops the Kafka broker cleanly (SIGTERM); its log dirs stay, and {@link #startKafka()} reuses its ports. */
    public void stopKafka() {
        infra.stopKafka();
    }

    /** Starts the broker again on the same ports and data; returns the time until it answered a metadata request. */
    public Duration startKafka() {
        return infra.startKafkaAgain();
    }

    /**
     * Stops the in-process MongoDB wire server: clients see their connections closed, H2 writes its file. Only for
     * {@link DevStackConfig.Mongo#H2}, the one whose data outlives a stop.
     */
    public void stopMongo() {
        infra.stopMongo();
    }

    /** Starts the H2 wire server again on the same port and file. */
    public Duration startMongoAgain() {
        return infra.startMongoAgain();
    }

    /** Stops Keycloak (SIGTERM, its H2 database stays). */
    public void stopKeycloak() {
        infra.stopKeycloak();
    }

    /** Starts Keycloak again on the same ports and database; returns the time until it was ready. */
    public Duration startKeycloakAgain() {
        return infra.startKeycloakAgain();
    }

    /** Stops the gateway, then the services and Keycloak (in parallel), then Kafka, MongoDB and Redis. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> stops = new ArrayList<>();
        if (services != null) {
            stops.addAll(services.stopGatewayThenServices());
        }
        if (infra != null) {
            infra.keycloakStop().ifPresent(stops::add);
        }
        List<Thread> stoppers = stops.stream().map(DevStack::startThread).toList();
        joinAll(stoppers);
        if (infra != null) {
            infra.stopBrokerDatabaseAndRedis();
        }
        directory.close();
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
