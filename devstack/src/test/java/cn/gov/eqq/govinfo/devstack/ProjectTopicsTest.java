package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.localinfra.kafka.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The devstack's topics are the catalogue's, created on a broker that creates none of its own. */
class ProjectTopicsTest {

    @TempDir
    Path dir;

    @Test
    void everyCatalogueTopicIsCreatedWithItsPartitionsCleanupPolicyAndRetentionAndNoOtherTopicAppears()
            throws Exception {
        KafkaBroker.Config config = new KafkaBroker.Config(null, dir, 0, 0,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), false);
        try (KafkaBroker broker = KafkaBroker.start(config, Duration.ofSeconds(60));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(ProjectTopics.create(broker.bootstrapServers())).hasSize(Topics.CATALOGUE.size());
            assertThat(ProjectTopics.create(broker.bootstrapServers())).as("a second run keeps what exists").isEmpty();

            List<String> names = Topics.CATALOGUE.stream().map(Topics.Spec::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(20, TimeUnit.SECONDS);
            List<ConfigResource> resources = names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            var configs = admin.describeConfigs(resources).all().get(20, TimeUnit.SECONDS);
            for (Topics.Spec spec : Topics.CATALOGUE) {
                assertThat(described.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                var topicConfig = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
                assertThat(topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(spec.name())
                        .isEqualTo(spec.cleanupPolicy().config());
                assertThat(topicConfig.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(spec.name())
                        .isEqualTo(Long.toString(spec.retentionMs()));
            }
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.ITEMS))
                    .get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");

            // a typo or a topic nobody declared is refused instead of being created with the broker's 7 days
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("intake.item-event.v1", "k", "v"))
                        .get(10, TimeUnit.SECONDS)).hasMessageContaining("intake.item-event.v1");
            }
            assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }
}
