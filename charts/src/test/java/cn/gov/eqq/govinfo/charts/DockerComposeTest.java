package cn.gov.eqq.govinfo.charts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its structure is checked instead: YAML anchors and
 * merge keys resolved as Compose resolves them, then health checks, start order on health, memory limits, the real
 * infrastructure images and the wiring of each service.
 */
class DockerComposeTest {

    static final Map<String, String> DATABASES = Map.of("submission-intake", "intake", "adoption-tracking", "adoption",
            "commission-tasking", "commission", "scoring", "scoring", "reporting", "reporting");
    static final Map<String, String> ROUTE_ENV = Map.of("submission-intake", "INTAKE_URI",
            "adoption-tracking", "ADOPTION_URI", "commission-tasking", "COMMISSION_URI", "scoring", "SCORING_URI",
            "reporting", "REPORTING_URI");
    static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "submission-intake", 8081,
            "adoption-tracking", 8082, "commission-tasking", 8083, "scoring", 8084, "reporting", 8085);

    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        try (Reader reader = Files.newBufferedReader(RepoPaths.COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    static boolean isOneShot(Map<String, Object> service) {
        return "no".equals(service.get("restart"));
    }

    @Test
    void theWholeSystemIsThere() {
        assertThat(services).containsOnlyKeys("kafka", "kafka-topics", "mongodb", "redis", "keycloak", "submission-intake",
                "adoption-tracking", "commission-tasking", "scoring", "reporting", "gateway");
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        services.forEach((name, service) -> {
            if (isOneShot(service)) {
                return;
            }
            Map<String, Object> healthcheck = map(service, "healthcheck");
            assertThat(healthcheck).as(name).isNotNull();
            assertThat((List<?>) healthcheck.get("test")).as(name + " test").isNotEmpty()
                    .first().isIn("CMD", "CMD-SHELL");
            assertThat(healthcheck).as(name).containsKeys("interval", "timeout", "retries");
        });
    }

    @Test
    void everyContainerHasAMemoryLimit() {
        services.forEach((name, service) -> {
            Object limit = service.containsKey("mem_limit") ? service.get("mem_limit")
                    : map(map(map(service, "deploy"), "resources"), "limits").get("memory");
            assertThat(limit).as(name).isNotNull();
            assertThat(limit.toString()).as(name).matches("\\d+[MG]");
        });
    }

    @Test
    void startOrderFollowsHealthAndCompletion() {
        services.forEach((name, service) -> {
            if (name.equals("kafka") || name.equals("mongodb") || name.equals("redis") || name.equals("keycloak")) {
                assertThat(service).as(name).doesNotContainKey("depends_on");
                return;
            }
            Map<String, Object> dependsOn = map(service, "depends_on");
            assertThat(dependsOn).as(name).isNotEmpty();
            dependsOn.forEach((dependency, spec) -> {
                assertThat(services).as(name + " depends on a known service").containsKey(dependency);
                String condition = (String) ((Map<?, ?>) spec).get("condition");
                assertThat(condition).as(name + " -> " + dependency).isEqualTo(
                        isOneShot(services.get(dependency)) ? "service_completed_successfully" : "service_healthy");
            });
        });
        for (String service : DATABASES.keySet()) {
            assertThat(map(services.get(service), "depends_on")).as(service)
                    .containsKeys("kafka", "mongodb", "kafka-topics");
        }
        assertThat(map(services.get("gateway"), "depends_on")).containsKeys("redis", "keycloak", "submission-intake",
                "adoption-tracking", "commission-tasking", "scoring", "reporting");
    }

    @Test
    void theGatewayKeepsSessionsAndRateLimitsInTheSharedRedis() {
        assertThat((String) services.get("redis").get("image")).startsWith("redis:7");
        assertThat(map(services.get("gateway"), "environment")).containsEntry("GATEWAY_REDIS_URL", "redis://redis:6379");
    }

    @Test
    void theBrowserSignsInAtThePublishedKeycloakAndTheGatewayRedeemsTheCodeInsideTheNetwork() {
        // inside the gateway's container localhost:8180 is the gateway itself
        assertThat(map(services.get("gateway"), "environment"))
                .containsEntry("KEYCLOAK_ISSUER_URI", "http://localhost:8180/realms/govinfo")
                .containsEntry("KEYCLOAK_INTERNAL_URI", "http://keycloak:8080/realms/govinfo");
        assertThat(map(services.get("keycloak"), "environment"))
                .containsEntry("KC_HOSTNAME", "http://localhost:8180")
                .containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
    }

    @Test
    void kafkaRunsInKraftModeWithoutZooKeeper() {
        Map<String, Object> kafka = services.get("kafka");
        Map<String, Object> env = map(kafka, "environment");

        assertThat((String) kafka.get("image")).startsWith("apache/kafka:4.1");
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        // A KRaft cluster id is 16 bytes in URL-safe base64 without padding.
        assertThat(env.get("CLUSTER_ID").toString()).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void mongodbIsAReplicaSetThatInitiatesItselfInItsHealthCheck() {
        Map<String, Object> mongo = services.get("mongodb");

        assertThat((String) mongo.get("image")).isEqualTo("mongo:7");
        assertThat(strings(mongo.get("command"))).containsSubsequence("--replSet", "rs0");
        String check = String.join(" ", ((List<?>) map(mongo, "healthcheck").get("test")).stream().map(Object::toString).toList());
        assertThat(check).contains("rs.initiate(").contains("host: 'mongodb:27017'").contains("isWritablePrimary");
        DATABASES.forEach((service, db) -> assertThat(map(services.get(service), "environment"))
                .as(service).containsEntry("MONGODB_URI", "mongodb://mongodb:27017/" + db + "?replicaSet=rs0"));
    }

    @Test
    void keycloakIsTheRealServerImportingTheRepositoryRealm() {
        Map<String, Object> keycloak = services.get("keycloak");

        assertThat(keycloak.get("image")).isEqualTo("quay.io/keycloak/keycloak:26.5.6");
        assertThat(strings(keycloak.get("command"))).containsExactly("start-dev", "--import-realm");
        assertThat(strings(keycloak.get("volumes")))
                .contains("./identity/govinfo-realm.json:/opt/keycloak/data/import/govinfo-realm.json:ro");
        assertThat(map(keycloak, "environment")).containsEntry("KC_HEALTH_ENABLED", "true");
    }

    @Test
    void eachServiceIsBuiltFromTheSharedDockerfileWithItsOwnModuleAndJar() throws Exception {
        for (String name : PORTS.keySet()) {
            Map<String, Object> build = map(services.get(name), "build");
            Map<String, Object> args = map(build, "args");
            assertThat(build).as(name).containsEntry("dockerfile", "deploy/Dockerfile").containsEntry("context", ".");
            String module = (String) args.get("MODULE");
            Path pom = RepoPaths.ROOT.resolve(module).resolve("pom.xml");
            assertThat(pom).as(name + " module").isRegularFile();
            assertThat(Files.readString(pom)).as(name + " artifactId")
                    .contains("<artifactId>" + args.get("ARTIFACT") + "</artifactId>");
            assertThat(services.get(name)).as(name).containsEntry("read_only", true);
            // the base is pinned: compose refuses to build before JRE_DIGEST is set (deploy/base-image.env)
            assertThat((String) args.get("JRE_DIGEST")).as(name).startsWith("${JRE_DIGEST:?");
        }
    }

    @Test
    void eachServiceGetsTheEnvironmentItReads() {
        for (String name : DATABASES.keySet()) {
            assertThat(map(services.get(name), "environment")).as(name)
                    .containsEntry("SERVER_PORT", String.valueOf(PORTS.get(name)))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("KEYCLOAK_ISSUER_URI", "http://localhost:8180/realms/govinfo")
                    .containsEntry("GOVINFO_JWT_AUDIENCE", "govinfo-api")
                    .containsEntry("SERVER_ADDRESS", "0.0.0.0")
                    .doesNotContainKey("GOVINFO_TOPIC_REPLICAS") // topics come from the catalogue
                    .containsKey("MONGODB_URI");
        }
        Map<String, Object> gateway = map(services.get("gateway"), "environment");
        ROUTE_ENV.forEach((service, env) -> assertThat(gateway).as(env)
                .containsEntry(env, "http://" + service + ":" + PORTS.get(service)));
        assertThat(gateway).containsEntry("SERVER_PORT", "8080").containsKey("KEYCLOAK_ISSUER_URI");
    }

    @Test
    void onlyCommissionTaskingGetsTheSmtpSettingsAndTheLoginOnlyFromTheEnvironment() {
        Map<String, Object> env = map(services.get("commission-tasking"), "environment");
        for (String variable : List.of("SMTP_HOST", "SMTP_PORT", "SMTP_AUTH", "SMTP_STARTTLS", "COMMISSION_MAIL_FROM")) {
            assertThat(env).as(variable).containsKey(variable);
            // overridable from the developer's shell or .env
            assertThat(env.get(variable).toString()).as(variable).startsWith("${" + variable + ":-");
        }
        assertThat(env).containsEntry("SMTP_USERNAME", "${SMTP_USERNAME:-}").containsEntry("SMTP_PASSWORD", "${SMTP_PASSWORD:-}");
        assertThat(strings(services.get("commission-tasking").get("extra_hosts")))
                .contains("host.docker.internal:host-gateway");
        services.forEach((name, service) -> {
            if (!name.equals("commission-tasking") && service.get("environment") instanceof Map<?, ?> other) {
                assertThat(other.keySet()).as(name).noneMatch(k -> k.toString().startsWith("SMTP_"));
            }
        });
    }

    @Test
    void portsArePublishedOnLoopbackOnly() {
        services.forEach((name, service) -> {
            Object ports = service.get("ports");
            if (ports != null) {
                assertThat((List<?>) ports).as(name).allSatisfy(p -> assertThat(p.toString()).startsWith("127.0.0.1:"));
            }
        });
    }

    static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent == null ? null : (Map<String, Object>) parent.get(key);
    }
}
