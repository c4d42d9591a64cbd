package cn.gov.eqq.govinfo.devstack;

import cn.gov.eqq.govinfo.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates every topic of the catalogue ({@link Topics#CATALOGUE}: partitions, cleanup policy and retention as the
 * catalogue says, dead-letter topics included) before any service starts; the devstack's broker creates nothing on
 * its own. Existing topics are kept. The replication factor is 1: the devstack has one broker.
 */
final class ProjectTopics {

    private ProjectTopics() {
    }

    static List<NewTopic> all() {
        return Topics.CATALOGUE.stream().map(ProjectTopics::newTopic).toList();
    }

    static NewTopic newTopic(Topics.Spec spec) {
        return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanupPolicy().config(),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retentionMs())));
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
