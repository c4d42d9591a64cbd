package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.localinfra.kafka.KafkaBroker;
import cn.gov.eqq.govinfo.localinfra.keycloak.KeycloakServer;
import cn.gov.eqq.govinfo.localinfra.mongo.MongoWireServer;
import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import cn.gov.eqq.govinfo.localinfra.process.ServiceProcess;
import cn.gov.eqq.govinfo.localinfra.redis.RedisServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the services run on: MongoDB (in process, or external), the Kafka broker, Keycloak and Redis, each started on
 * its port of {@link StackPorts}, and each stoppable and startable again on the same port and data (for the fault
 * tests).
 */
final class Infrastructure {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final DevStackConfig config;
    private final StackPorts ports;
    private final StackDirectory directory;
    private final Consumer<String> say;
    private final String keycloakIssuer;
    private volatile MongoWireServer mongoServer;
    private volatile String mongoBaseUri;
    private volatile KafkaBroker kafka;
    private volatile RedisServer redis;
    private volatile KeycloakServer keycloak;

    Infrastructure(DevStackConfig config, StackPorts ports, StackDirectory directory, Consumer<String> say) {
        this.config = config;
        this.ports = ports;
        this.directory = directory;
        this.say = say;
        this.keycloakIssuer = "http://127.0.0.1:" + ports.keycloak() + "/realms/" + KeycloakServer.REALM;
    }

    void startMongo() {
        switch (config.mongo()) {
            case EXTERNAL -> {
                mongoBaseUri = config.externalMongoUri();
                if (!MongoUris.isReachable(mongoBaseUri)) {
                    say.accept("警告：MONGODB_URI 暂不可达 / warning: MONGODB_URI not reachable now: "
                            + MongoUris.firstHostPort(mongoBaseUri));
                }
                say.accept("MongoDB: 外部 / external " + MongoUris.firstHostPort(mongoBaseUri));
            }
            case MEMORY -> {
                mongoServer = MongoWireServer.inMemory(ports.mongo());
                mongoBaseUri = mongoServer.uri("");
                say.accept("MongoDB 就绪 / ready (mongo-java-server, memory) " + mongoServer.uri(""));
            }
            case H2 -> {
                Path file = config.dataDir().resolve("mongo/govinfo.mv");
                mongoServer = MongoWireServer.h2File(file, ports.mongo());
                mongoBaseUri = mongoServer.uri("");
                say.accept("MongoDB 就绪 / ready (mongo-java-server, H2 " + file + ") " + mongoServer.uri(""));
            }
        }
    }

    /** What the gateway's replicas share (sessions, rate limits): only started with the gateway. */
    void startRedis() {
        redis = RedisServer.start(ports.redis(), config.dataDir().resolve("redis"),
                config.logDir().resolve("redis.log"), config.infraTimeout());
        directory.recordChild(redis.pid());
        say.accept("Redis 就绪 / ready " + redis.url() + " (" + seconds(redis.startupTime()) + ")");
    }

    void startKafka() {
        Path dir = config.dataDir().resolve("kafka");
        KafkaBroker.Config kafkaConfig = new KafkaBroker.Config(null, dir, ports.kafka(), ports.kafkaController(),
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        DevStack.MARKER_PROPERTY + config.dataDir()),
                false); // no auto-creation: every topic comes from the catalogue (ProjectTopics), as in production
        kafka = KafkaBroker.start(kafkaConfig, config.infraTimeout());
        directory.recordChild(kafka.pid());
        say.accept("Kafka 就绪 / ready " + kafka.bootstrapServers() + " (" + seconds(kafka.startupTime()) + ", log "
                + kafka.logFile() + ")");
    }

    void startKeycloak() {
        awaitNoLingeringConnections(ports.keycloak());
        awaitNoLingeringConnections(ports.keycloakManagement());
        Path dir = config.dataDir().resolve("keycloak");
        KeycloakServer.Config kc = new KeycloakServer.Config(keycloakHome(), ports.keycloak(),
                ports.keycloakManagement(), config.repoRoot().resolve("identity/govinfo-realm.json"), dir,
                config.logDir().resolve("keycloak.log"));
        keycloak = KeycloakServer.start(kc, config.infraTimeout());
        directory.recordChild(keycloak.pid());
        say.accept("Keycloak 就绪 / ready " + keycloak.issuerUri(KeycloakServer.REALM) + " ("
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
                say.accept("cannot read " + unpacked + ": " + e.getMessage());
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
                say.accept("等待端口 " + port + " 上的旧连接结束 / waiting for old connections on port " + port
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
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(FreePorts.LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What a service needs before it can become ready, each with the message that explains a failed start. */
    List<ServiceProcess.Prerequisite> prerequisitesOf(Service service) {
        List<ServiceProcess.Prerequisite> list = new ArrayList<>();
        list.add(new ServiceProcess.Prerequisite("Kafka 不可达 " + kafka.bootstrapServers(),
                "Kafka not reachable at " + kafka.bootstrapServers(), () -> FreePorts.isOpen(kafka.port())));
        list.add(new ServiceProcess.Prerequisite("Keycloak 未就绪 " + keycloakIssuer,
                "Keycloak not ready at " + keycloakIssuer, () -> answers200(keycloakIssuer
                + "/.well-known/openid-configuration")));
        if (service.database() != null) {
            list.add(new ServiceProcess.Prerequisite("MongoDB 不可达 " + MongoUris.firstHostPort(mongoBaseUri),
                    "MongoDB not reachable at " + MongoUris.firstHostPort(mongoBaseUri),
                    () -> MongoUris.isReachable(mongoBaseUri)));
        }
        if (service.isGateway()) {
            list.add(new ServiceProcess.Prerequisite("Redis 不可达 " + redis.url(),
                    "Redis not reachable at " + redis.url(), redis::isAlive));
        }
        return list;
    }

    static boolean answers200(String url) {
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

    String keycloakIssuer() {
        return keycloakIssuer;
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String redisUrl() {
        return redis.url();
    }

    String mongoUri(String database) {
        return MongoUris.withDatabase(mongoBaseUri, database);
    }

    /** Pids of the broker and Keycloak (Redis and the in-process database are not counted as children). */
    List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        if (kafka != null) {
            pids.add(kafka.pid());
        }
        if (keycloak != null) {
            pids.add(keycloak.pid());
        }
        return pids;
    }

    // --- fault injection: stop one part, keep its port and data, start it again ---------------------------------

    synchronized void stopKafka() {
        if (kafka == null || !kafka.isAlive()) {
            throw new IllegalStateException("Kafka is not running in this devstack");
        }
        kafka.stop();
        say.accept("Kafka 已停止 / stopped");
    }

    synchronized Duration startKafkaAgain() {
        if (kafka != null && kafka.isAlive()) {
            throw new IllegalStateException("Kafka is still running");
        }
        startKafka();
        return kafka.startupTime();
    }

    synchronized void stopMongo() {
        if (config.mongo() != DevStackConfig.Mongo.H2) {
            throw new IllegalStateException("only the H2 wire server keeps its data across a restart (mongo is "
                    + config.mongo() + ")");
        }
        if (mongoServer == null) {
            throw new IllegalStateException("MongoDB is not running in this devstack");
        }
        mongoServer.stop();
        mongoServer = null;
        say.accept("MongoDB 已停止 / stopped");
    }

    synchronized Duration startMongoAgain() {
        if (mongoServer != null) {
            throw new IllegalStateException("MongoDB is still running");
        }
        long begin = System.nanoTime();
        startMongo();
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    synchronized void stopKeycloak() {
        if (keycloak == null || !keycloak.isRunning()) {
            throw new IllegalStateException("Keycloak is not running in this devstack");
        }
        keycloak.stop();
        say.accept("Keycloak 已停止 / stopped");
    }

    synchronized Duration startKeycloakAgain() {
        if (keycloak != null && keycloak.isRunning()) {
            throw new IllegalStateException("Keycloak is still running");
        }
        startKeycloak();
        return keycloak.startupTime();
    }

    /** Keycloak's stop, which the devstack runs beside the services' stops. */
    Optional<Runnable> keycloakStop() {
        return Optional.ofNullable(keycloak).map(k -> k::stop);
    }

    /** Stops the broker, the database and Redis: after the services, which use them until the end. */
    void stopBrokerDatabaseAndRedis() {
        if (kafka != null) {
            kafka.stop();
        }
        if (mongoServer != null) {
            mongoServer.stop();
        }
        if (redis != null) {
            redis.close();
        }
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
