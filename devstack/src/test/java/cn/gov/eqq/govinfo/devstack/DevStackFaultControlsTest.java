package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The controls the fault tests use: kill -9 and restart a service, stop and start Kafka and MongoDB on their ports. */
class DevStackFaultControlsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aKilledServiceDiesAtOnceAndComesBackOnItsPortAndTheBrokerAndMongoRestartWithTheirData() throws Exception {
        Path jar = DummyJar.write(dir.resolve("dummy.jar"));
        DevStackConfig config = DevStackConfig.forTest(REPO, dir.resolve("data"), false, Map.of(Service.SCORING, jar))
                .withMongo(DevStackConfig.Mongo.H2, null);
        try (DevStack stack = DevStack.start(config)) {
            String url = stack.serviceUrl(Service.SCORING);
            long firstPid = stack.pidOf(Service.SCORING);

            assertThat(stack.killService(Service.SCORING)).isEqualTo(firstPid);
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(stack.isRunning(Service.SCORING)).isFalse();
            assertThatThrownBy(() -> stack.killService(Service.GATEWAY)).isInstanceOf(IllegalArgumentException.class);

            stack.restartService(Service.SCORING);
            assertThat(stack.pidOf(Service.SCORING)).isNotEqualTo(firstPid);
            assertThat(stack.serviceUrl(Service.SCORING)).isEqualTo(url);
            assertThat(status(url + "/actuator/health/readiness")).isEqualTo(200);
            assertThatThrownBy(() -> stack.restartService(Service.SCORING)).hasMessageContaining("still running");

            int kafkaPort = Integer.parseInt(stack.kafkaBootstrapServers().split(":")[1]);
            try (Admin admin = admin(stack)) {
                admin.createTopics(List.of(new NewTopic("fault-controls-test", 1, (short) 1))).all()
                        .get(20, TimeUnit.SECONDS);
            }
            stack.stopKafka();
            assertThat(FreePorts.isOpen(kafkaPort)).isFalse();
            stack.startKafka();
            assertThat(stack.kafkaBootstrapServers()).endsWith(":" + kafkaPort);
            try (Admin admin = admin(stack)) {
                assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS)).contains("fault-controls-test");
            }

            int mongoPort = URI.create(stack.mongoUri("x")).getPort();
            stack.stopMongo();
            assertThat(FreePorts.isOpen(mongoPort)).isFalse();
            stack.startMongoAgain();
            assertThat(FreePorts.isOpen(mongoPort)).isTrue();
            assertThat(dir.resolve("data/mongo/govinfo.mv")).exists();
        }
    }

    @Test
    void onlyTheH2WireServerMayBeStoppedBecauseMemoryWouldLoseTheData() throws Exception {
        Path jar = DummyJar.write(dir.resolve("dummy.jar"));
        DevStackConfig config = DevStackConfig.forTest(REPO, dir.resolve("data"), false, Map.of(Service.SCORING, jar));
        try (DevStack stack = DevStack.start(config)) {
            assertThatThrownBy(stack::stopMongo).hasMessageContaining("H2");
        }
    }

    private static Admin admin(DevStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
