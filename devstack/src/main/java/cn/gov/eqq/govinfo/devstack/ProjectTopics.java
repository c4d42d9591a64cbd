package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics of {@link Topics} before any service starts, so that they get their partition count and
 * (for {@link Topics#UNITS}) compaction instead of the broker's auto-create defaults. Existing topics are kept.
 */
final class ProjectTopics {

    /** Event topics: a few partitions so that a consumer group can spread; the key keeps one aggregate in order. */
    static final int EVENT_PARTITIONS = 3;
    /** Dead letters are rare and read by people: one partition keeps them in arrival order. */
    static final int DEAD_LETTER_PARTITIONS = 1;

    private ProjectTopics() {
    }

    static List<NewTopic> all() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topics.Spec spec : Topics.ALL) {
            NewTopic topic = new NewTopic(spec.name(), EVENT_PARTITIONS, (short) 1);
            // kept forever: scoring's replay rebuilds everything from the whole history (docs/deploy.md, Retention)
            Map<String, String> configs = new java.util.HashMap<>(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
            if (spec.compacted()) {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topic.configs(configs);
            topics.add(topic);
        }
        for (Service service : Service.backends()) {
            topics.add(new NewTopic(Topics.deadLetterTopicOf(service.artifactId()), DEAD_LETTER_PARTITIONS,
                    (short) 1));
        }
        return topics;
    }

    /** Creates what is missing; returns the names that were created now. */
    static Set<String> create(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = all().stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return Set.of();
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return Set.copyOf(missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("无法创建 Kafka 主题 / cannot create Kafka topics on " + bootstrapServers
                    + ": " + e.getMessage(), e);
        }
    }
}
