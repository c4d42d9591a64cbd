package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The devstack's plumbing with the real Kafka broker and the wire server, dummy jars in place of the services. */
class DevStackTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void servicesLearnWhereKafkaMongoKeycloakAndEachOtherRunAndNothingOutlivesClose() throws Exception {
        Path jar = DummyJar.write(dir.resolve("dummy.jar"));
        DevStackConfig config = DevStackConfig.forTest(REPO, dir.resolve("data"), false,
                Map.of(Service.SCORING, jar, Service.GATEWAY, jar));

        // what a devstack killed with SIGKILL leaves behind: a child that names the data dir, listed in the file
        Process orphan = new ProcessBuilder("bash", "-c", "sleep 300; : " + config.dataDir()).start();
        java.nio.file.Files.createDirectories(config.dataDir());
        java.nio.file.Files.writeString(config.dataDir().resolve("devstack.children"), orphan.pid() + "\n");

        List<Long> pids;
        int kafkaPort;
        int mongoPort;
        try (DevStack stack = DevStack.start(config)) {
            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("orphan of an earlier run stopped").isTrue();
            pids = stack.childPids();
            kafkaPort = Integer.parseInt(stack.kafkaBootstrapServers().split(":")[1]);
            mongoPort = Integer.parseInt(stack.mongoUri("x").replaceAll(".*:(\\d+)/x$", "$1"));

            assertThat(get(stack.serviceUrl(Service.SCORING) + "/env")).contains(
                    "SERVER_PORT=" + URI.create(stack.serviceUrl(Service.SCORING)).getPort(),
                    "SERVER_ADDRESS=127.0.0.1",
                    "MONGODB_URI=mongodb://127.0.0.1:" + mongoPort + "/scoring",
                    "KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers(),
                    "KEYCLOAK_ISSUER_URI=" + stack.keycloakIssuerUri(),
                    "MALLOC_ARENA_MAX=2");
            assertThat(stack.keycloakIssuerUri()).matches("http://127\\.0\\.0\\.1:\\d+/realms/govinfo");
            assertThat(get(stack.gatewayUrl() + "/env"))
                    .contains("SCORING_URI=" + stack.serviceUrl(Service.SCORING))
                    .doesNotContain("MONGODB_URI", "INTAKE_URI");
            assertTopics(stack.kafkaBootstrapServers());
            assertThat(pids).hasSize(3).allMatch(pid -> ProcessHandle.of(pid).isPresent());
            assertThat(pids).anyMatch(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine())
                    .orElse("").contains(dir.resolve("data/jars/scoring.jar").toString()));
            assertThat(pids).anyMatch(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine())
                    .orElse("").contains("-Xmx192m"));
        }

        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(FreePorts.isOpen(kafkaPort)).isFalse();
        assertThat(FreePorts.isOpen(mongoPort)).isFalse();
    }

    @Test
    void aServiceThatNeverGetsReadyIsNamedWithWhatIsMissingAndEverythingIsStopped() throws Exception {
        Path jar = DummyJar.write(dir.resolve("dummy.jar"));
        DevStackConfig base = DevStackConfig.forTest(REPO, dir.resolve("data"), false, Map.of(Service.REPORTING, jar));
        DevStackConfig config = new DevStackConfig(base.repoRoot(), base.dataDir(), base.ports(), base.mongo(), null,
                false, base.services(), base.jars(), List.of("-Ddummy.mode=down"), base.infraTimeout(),
                Duration.ofSeconds(4));
        Set<Long> before = childrenOfThisJvm();

        assertThatThrownBy(() -> DevStack.start(config))
                .hasMessageContaining("服务 reporting 未就绪")
                .hasMessageContaining("503")
                .hasMessageContaining("Keycloak not ready")
                .hasMessageNotContaining("Kafka not reachable")
                .hasMessageContaining(dir.resolve("data/logs/reporting.log").toString());

        assertThat(childrenOfThisJvm()).isSubsetOf(before);
    }

    @Test
    void aMissingJarIsReportedWithTheBuildCommandBeforeAnythingStarts() {
        DevStackConfig config = DevStackConfig.forTest(REPO, dir.resolve("data"), false,
                Map.of(Service.INTAKE, dir.resolve("nowhere/submission-intake.jar")));

        assertThatThrownBy(() -> DevStack.start(config))
                .hasMessageContaining("找不到 jar")
                .hasMessageContaining("submission-intake: " + dir.resolve("nowhere/submission-intake.jar"))
                .hasMessageContaining("./mvnw -q -B install -DskipTests");
    }

    private static void assertTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.UNITS, Topics.ITEMS,
                    Topics.deadLetterTopicOf("scoring"))).allTopicNames().get(20, TimeUnit.SECONDS);
            assertThat(topics.get(Topics.ITEMS).partitions()).hasSize(Topics.PARTITIONS);
            assertThat(topics.get(Topics.deadLetterTopicOf("scoring")).partitions()).hasSize(Topics.PARTITIONS);
            ConfigResource units = new ConfigResource(ConfigResource.Type.TOPIC, Topics.UNITS);
            ConfigResource items = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ITEMS);
            var configs = admin.describeConfigs(List.of(units, items)).all().get(20, TimeUnit.SECONDS);
            assertThat(configs.get(units).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(configs.get(items).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
            assertThat(configs.get(items).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .as("event topics keep their whole history for scoring's replay").isEqualTo("-1");
        }
    }

    private static Set<Long> childrenOfThisJvm() {
        return Set.copyOf(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList());
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
