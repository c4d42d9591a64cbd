package cn.gov.eqq.govinfo.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevStackConfigTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void withoutEnvironmentThePortsAreThoseOfTheDevelopmentGuideAndMongoIsTheH2WireServer() {
        DevStackConfig config = DevStackConfig.fromEnvironment(REPO, Map.of());

        assertThat(config.ports().of(Service.GATEWAY)).isEqualTo(8080);
        assertThat(config.ports().of(Service.INTAKE)).isEqualTo(8081);
        assertThat(config.ports().of(Service.REPORTING)).isEqualTo(8085);
        assertThat(config.ports().keycloak()).isEqualTo(8180);
        assertThat(config.ports().keycloakManagement()).isEqualTo(9180);
        assertThat(config.ports().kafka()).isEqualTo(9092);
        assertThat(config.ports().kafkaController()).isEqualTo(9093);
        assertThat(config.ports().mongo()).isEqualTo(27017);
        assertThat(config.mongo()).isEqualTo(DevStackConfig.Mongo.H2);
        assertThat(config.dataDir()).isEqualTo(Path.of("/repo/.work/devstack-data"));
        assertThat(config.services()).containsExactlyInAnyOrder(Service.values());
        assertThat(config.jarOf(Service.SCORING))
                .isEqualTo(Path.of("/repo/services/scoring/target/scoring-0.1.0-SNAPSHOT.jar"));
        assertThat(config.jarOf(Service.GATEWAY)).isEqualTo(Path.of("/repo/gateway/target/gateway-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void environmentOverridesPortsDataDirAndMongo() {
        DevStackConfig config = DevStackConfig.fromEnvironment(REPO, Map.of("GATEWAY_PORT", "18080",
                "KAFKA_PORT", "19092", "GOVINFO_DATA_DIR", "/tmp/gi", "MONGODB_URI", "mongodb://db.local:27018/x"));

        assertThat(config.ports().of(Service.GATEWAY)).isEqualTo(18080);
        assertThat(config.ports().kafka()).isEqualTo(19092);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/gi"));
        assertThat(config.mongo()).isEqualTo(DevStackConfig.Mongo.EXTERNAL);
        assertThat(config.externalMongoUri()).isEqualTo("mongodb://db.local:27018/x");
    }

    @Test
    void memoryMongoOnRequest() {
        assertThat(DevStackConfig.fromEnvironment(REPO, Map.of("GOVINFO_MONGO", "memory")).mongo())
                .isEqualTo(DevStackConfig.Mongo.MEMORY);
    }

    @Test
    void startTimeoutComesFromTheEnvironment() {
        assertThat(DevStackConfig.fromEnvironment(REPO, Map.of()).infraTimeout()).hasSeconds(300);
        DevStackConfig config = DevStackConfig.fromEnvironment(REPO, Map.of("GOVINFO_START_TIMEOUT", "600"));
        assertThat(config.infraTimeout()).hasSeconds(600);
        assertThat(config.serviceTimeout()).hasSeconds(600);
    }

    @Test
    void anInvalidPortIsRefusedInChineseAndEnglish() {
        assertThatThrownBy(() -> DevStackConfig.fromEnvironment(REPO, Map.of("SCORING_PORT", "eighty")))
                .hasMessageContaining("环境变量 SCORING_PORT 不是有效数值")
                .hasMessageContaining("not a valid number (0–65535)");
    }

    @Test
    void servicesCanBeNarrowedToASubsetOrToInfrastructureOnly() {
        assertThat(DevStackConfig.fromEnvironment(REPO, Map.of("GOVINFO_SERVICES", "scoring, gateway")).services())
                .containsExactlyInAnyOrder(Service.SCORING, Service.GATEWAY);
        assertThat(DevStackConfig.fromEnvironment(REPO, Map.of("GOVINFO_SERVICES", "none")).services()).isEmpty();
        assertThatThrownBy(() -> DevStackConfig.fromEnvironment(REPO, Map.of("GOVINFO_SERVICES", "scorring")))
                .hasMessageContaining("未知服务").hasMessageContaining("scorring");
    }

    @Test
    void replicasComeFromTheEnvironmentOneOfEachByDefault() {
        DevStackConfig config = DevStackConfig.fromEnvironment(REPO, Map.of("GOVINFO_REPLICAS", "scoring=2, gateway=2"));
        assertThat(config.replicasOf(Service.SCORING)).isEqualTo(2);
        assertThat(config.replicasOf(Service.GATEWAY)).isEqualTo(2);
        assertThat(config.replicasOf(Service.REPORTING)).isEqualTo(1);
        assertThat(DevStackConfig.fromEnvironment(REPO, Map.of()).replicasOf(Service.SCORING)).isEqualTo(1);
        assertThatThrownBy(() -> DevStackConfig.fromEnvironment(REPO, Map.of("GOVINFO_REPLICAS", "scoring=9")))
                .hasMessageContaining("GOVINFO_REPLICAS");
        assertThatThrownBy(() -> DevStackConfig.fromEnvironment(REPO, Map.of("GOVINFO_REPLICAS", "scorring=2")))
                .hasMessageContaining("服务=副本数").hasMessageContaining("scorring=2");
    }
}
