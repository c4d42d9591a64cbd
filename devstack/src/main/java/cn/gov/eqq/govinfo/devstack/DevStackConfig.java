package cn.gov.eqq.govinfo.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the devstack starts and where.
 *
 * @param repoRoot          the checkout (jars and identity/govinfo-realm.json are found from here)
 * @param dataDir           all state and logs; persistent by default ({@code <repo>/.work/devstack-data})
 * @param ports             every port; 0 = pick a free one
 * @param mongo             which MongoDB
 * @param externalMongoUri  used when {@code mongo} is {@link Mongo#EXTERNAL}; each service gets its own database in it
 * @param keycloak          whether to start Keycloak (a test of the plumbing may leave it out)
 * @param services          which of the five services and the gateway to start
 * @param jars              jar per service; missing entries = {@code <module>/target/<name>-0.1.0-SNAPSHOT.jar}
 * @param serviceJvmOptions JVM options of every service and the gateway
 * @param replicas          processes per service (absent = 1); the first replica has the configured port, the others
 *                          free ones
 * @param serviceEnvironment environment variables of every service and the gateway, beside the JVM options (e.g.
 *                          {@code MALLOC_ARENA_MAX}, which the C library reads, not the JVM)
 */
public record DevStackConfig(Path repoRoot, Path dataDir, Ports ports, Mongo mongo, String externalMongoUri,
        boolean keycloak, Set<Service> services, Map<Service, Path> jars, List<String> serviceJvmOptions,
        Duration infraTimeout, Duration serviceTimeout, Map<Service, Integer> replicas,
        Map<String, String> serviceEnvironment) {

    /** At most this many processes of one service: two cores run a handful of JVMs at best. */
    public static final int MAX_REPLICAS = 4;

    public static final String VERSION = "0.1.0-SNAPSHOT";

    /**
     * C1 only and the serial collector: on 2 cores seven JVMs start faster this way (docs/devstack.md). The rest is a
     * county's VM (docs/performance.md section 6: 349 MB less resident for the six processes, pages as fast): a heap
     * that starts at 32 MB and is given back after a collection, the native heap trimmed every 10 s, one compiler
     * thread, two idle Tomcat threads instead of ten, and caps on metaspace, code cache and direct buffers. The heap's
     * ceiling is per service ({@link Service#defaultHeap()}).
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xss256k",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=32m",
            "-XX:MaxDirectMemorySize=64m", "-XX:TrimNativeHeapInterval=10000", "-Dserver.tomcat.threads.min-spare=2",
            "-Dfile.encoding=UTF-8");

    /**
     * Environment variables every service and the gateway get (the devstack's own come after them). glibc keeps up
     * to 8 malloc arenas per core, each holding memory freed by its threads; two are enough here.
     */
    public static final Map<String, String> DEFAULT_SERVICE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    public enum Mongo {
        /** mongo-java-server in the devstack JVM, data in {@code <dataDir>/mongo/govinfo.mv} (kept). */
        H2,
        /** mongo-java-server in the devstack JVM, data in memory (gone at stop). */
        MEMORY,
        /** A real MongoDB by URI; the devstack starts nothing. */
        EXTERNAL
    }

    public DevStackConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
        jars = Map.copyOf(jars);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        if (mongo == Mongo.EXTERNAL && (externalMongoUri == null || externalMongoUri.isBlank())) {
            throw new IllegalArgumentException("Mongo EXTERNAL needs a URI (MONGODB_URI)");
        }
        replicas = Map.copyOf(replicas);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        replicas.forEach((service, n) -> {
            if (n < 1 || n > MAX_REPLICAS) {
                throw new IllegalArgumentException("副本数应为 1–" + MAX_REPLICAS + " / replicas must be 1–" + MAX_REPLICAS
                        + ": " + service.artifactId() + "=" + n);
            }
        });
    }

    /** The default environment of the services. */
    public DevStackConfig(Path repoRoot, Path dataDir, Ports ports, Mongo mongo, String externalMongoUri,
                          boolean keycloak, Set<Service> services, Map<Service, Path> jars,
                          List<String> serviceJvmOptions, Duration infraTimeout, Duration serviceTimeout,
                          Map<Service, Integer> replicas) {
        this(repoRoot, dataDir, ports, mongo, externalMongoUri, keycloak, services, jars, serviceJvmOptions,
                infraTimeout, serviceTimeout, replicas, DEFAULT_SERVICE_ENVIRONMENT);
    }

    /** One process of every service. */
    public DevStackConfig(Path repoRoot, Path dataDir, Ports ports, Mongo mongo, String externalMongoUri,
                          boolean keycloak, Set<Service> services, Map<Service, Path> jars,
                          List<String> serviceJvmOptions, Duration infraTimeout, Duration serviceTimeout) {
        this(repoRoot, dataDir, ports, mongo, externalMongoUri, keycloak, services, jars, serviceJvmOptions,
                infraTimeout, serviceTimeout, Map.of());
    }

    /** How many processes of the service run (1 unless asked otherwise). */
    public int replicasOf(Service service) {
        return replicas.getOrDefault(service, 1);
    }

    public DevStackConfig withReplicas(Service service, int count) {
        Map<Service, Integer> changed = new EnumMap<>(Service.class);
        changed.putAll(replicas);
        changed.put(service, count);
        return new DevStackConfig(repoRoot, dataDir, ports, mongo, externalMongoUri, keycloak, services, jars,
                serviceJvmOptions, infraTimeout, serviceTimeout, changed, serviceEnvironment);
    }

    /** {@code GOVINFO_REPLICAS}, e.g. {@code scoring=2,gateway=2}: unset = one process of each. */
    static Map<Service, Integer> replicas(String spec) {
        Map<Service, Integer> out = new EnumMap<>(Service.class);
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            Service service = kv.length == 2 ? byName(kv[0].trim()).orElse(null) : null;
            if (service == null) {
                throw new IllegalArgumentException("GOVINFO_REPLICAS 应为 服务=副本数，逗号分隔 / GOVINFO_REPLICAS must be "
                        + "service=count, comma-separated, e.g. scoring=2,gateway=2: " + part.trim());
            }
            out.put(service, Ports.port(Map.of("GOVINFO_REPLICAS", kv[1].trim()), "GOVINFO_REPLICAS", 1, 1,
                    MAX_REPLICAS));
        }
        return out;
    }

    private static java.util.Optional<Service> byName(String name) {
        return java.util.Arrays.stream(Service.values()).filter(s -> s.artifactId().equals(name)).findFirst();
    }

    /** The local run: ports, data dir and Mongo from the environment (see docs/devstack.md), everything started. */
    public static DevStackConfig fromEnvironment(Path repoRoot, Map<String, String> env) {
        Path dataDir = env.containsKey("GOVINFO_DATA_DIR") ? Path.of(env.get("GOVINFO_DATA_DIR"))
                : repoRoot.resolve(".work/devstack-data");
        String uri = env.get("MONGODB_URI");
        Mongo mongo = uri != null && !uri.isBlank() ? Mongo.EXTERNAL
                : "memory".equalsIgnoreCase(env.getOrDefault("GOVINFO_MONGO", "h2")) ? Mongo.MEMORY : Mongo.H2;
        // generous: on 2 cores with seven JVMs starting (and a Keycloak that may re-augment) minutes are normal
        Duration timeout = Duration.ofSeconds(Ports.port(env, "GOVINFO_START_TIMEOUT", 300, 1, 3600));
        List<String> jvm = env.containsKey("GOVINFO_SERVICE_JVM_OPTS")
                ? List.of(env.get("GOVINFO_SERVICE_JVM_OPTS").trim().split("\\s+"))
                : DEFAULT_SERVICE_JVM_OPTIONS;
        return new DevStackConfig(repoRoot, dataDir, Ports.fromEnvironment(env), mongo, uri, true,
                services(env.get("GOVINFO_SERVICES")), Map.of(), jvm, timeout, timeout,
                replicas(env.get("GOVINFO_REPLICAS")));
    }

    /** {@code GOVINFO_SERVICES}: unset = all; {@code none} = infrastructure only; else names, comma-separated. */
    static Set<Service> services(String names) {
        if (names == null || names.isBlank()) {
            return EnumSet.allOf(Service.class);
        }
        Set<Service> chosen = EnumSet.noneOf(Service.class);
        for (String name : names.split(",")) {
            String n = name.trim();
            if (n.isEmpty() || n.equals("none")) {
                continue;
            }
            chosen.add(byName(n).orElseThrow(() -> new IllegalArgumentException("GOVINFO_SERVICES 中的未知服务 / unknown service in "
                            + "GOVINFO_SERVICES: " + n)));
        }
        return chosen;
    }

    /** For tests: free ports, memory Mongo, the given data dir (a temp dir), nothing but the given services. */
    public static DevStackConfig forTest(Path repoRoot, Path dataDir, boolean keycloak, Map<Service, Path> jars) {
        return new DevStackConfig(repoRoot, dataDir, Ports.free(), Mongo.MEMORY, null, keycloak,
                jars.isEmpty() ? Set.of() : EnumSet.copyOf(jars.keySet()), jars, DEFAULT_SERVICE_JVM_OPTIONS,
                Duration.ofSeconds(180), Duration.ofSeconds(240));
    }

    public DevStackConfig withMongo(Mongo newMongo, String uri) {
        return new DevStackConfig(repoRoot, dataDir, ports, newMongo, uri, keycloak, services, jars,
                serviceJvmOptions, infraTimeout, serviceTimeout, replicas, serviceEnvironment);
    }

    public DevStackConfig withServiceTimeout(Duration timeout) {
        return new DevStackConfig(repoRoot, dataDir, ports, mongo, externalMongoUri, keycloak, services, jars,
                serviceJvmOptions, infraTimeout, timeout, replicas, serviceEnvironment);
    }

    /** The same stack with these environment variables for every service and the gateway (instead of the default). */
    public DevStackConfig withServiceEnvironment(Map<String, String> environment) {
        return new DevStackConfig(repoRoot, dataDir, ports, mongo, externalMongoUri, keycloak, services, jars,
                serviceJvmOptions, infraTimeout, serviceTimeout, replicas, environment);
    }

    public Path jarOf(Service service) {
        return jars.getOrDefault(service, service.jarIn(repoRoot, VERSION));
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Every port of the stack; 0 = pick a free one at start. */
    public record Ports(Map<Service, Integer> services, int keycloak, int keycloakManagement, int kafka,
            int kafkaController, int mongo, int redis) {

        public Ports {
            services = Map.copyOf(services);
        }

        public int of(Service service) {
            return services.getOrDefault(service, 0);
        }

        /** docs/development.md defaults, each overridable by its environment variable. */
        public static Ports fromEnvironment(Map<String, String> env) {
            Map<Service, Integer> services = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                services.put(s, port(env, s.portEnv(), s.defaultPort()));
            }
            return new Ports(services, port(env, "KEYCLOAK_PORT", 8180), port(env, "KEYCLOAK_MANAGEMENT_PORT", 9180),
                    port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093),
                    port(env, "MONGO_PORT", 27017), port(env, "REDIS_PORT", 6379));
        }

        public static Ports free() {
            return new Ports(Map.of(), 0, 0, 0, 0, 0, 0);
        }

        private static int port(Map<String, String> env, String name, int fallback) {
            return port(env, name, fallback, 0, 65535);
        }

        static int port(Map<String, String> env, String name, int fallback, int min, int max) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value.trim());
                if (number < min || number > max) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("环境变量 " + name + " 不是有效数值（" + min + "–" + max + "）: "
                        + value + " / " + name + " is not a valid number (" + min + "–" + max + "): " + value);
            }
        }
    }
}
