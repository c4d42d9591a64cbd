package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka;

import cn.gov.eqq.govinfo.scoring.ledger.application.EventSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Replay support: stops and starts the listener, and moves the consumer group's offsets with the Kafka admin API. */
@Component
class KafkaEventSource implements EventSource {

    private final KafkaListenerEndpointRegistry registry;
    private final KafkaAdmin kafkaAdmin;
    private final String group;

    KafkaEventSource(KafkaListenerEndpointRegistry registry, KafkaAdmin kafkaAdmin,
                     @Value("${spring.application.name}") String group) {
        this.registry = registry;
        this.kafkaAdmin = kafkaAdmin;
        this.group = group;
    }

    /**
     * Stops every listener of the service: they share the group {@code scoring} (the one its Kafka principal may use),
     * and its offsets can only be moved while the group is empty. Synchronous: each consumer leaves the group after
     * committing what it processed.
     */
    @Override
    public void stop() {
        container(); // the event listener must be there
        registry.getListenerContainers().forEach(MessageListenerContainer::stop);
    }

    @Override
    public void start() {
        registry.getListenerContainers().forEach(MessageListenerContainer::start);
    }

    @Override
    public void rewindToBeginning() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> earliest = new HashMap<>();
            offsets(admin, OffsetSpec.earliest()).forEach((tp, info) ->
                    earliest.put(tp, new OffsetAndMetadata(info.offset())));
            RuntimeException last = null;
            // the group may take a moment to become empty after the consumer left
            for (int attempt = 0; attempt < 30; attempt++) {
                try {
                    admin.alterConsumerGroupOffsets(group, earliest).all().get(10, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = new IllegalStateException("无法重置消费组 " + group + " 的位移：" + e.getMessage(), e);
                    Thread.sleep(500);
                }
            }
            throw last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public boolean caughtUp() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                    : offsets(admin, OffsetSpec.latest()).entrySet()) {
                OffsetAndMetadata c = committed.get(end.getKey());
                long position = c == null ? 0 : c.offset();
                if (position < end.getValue().offset()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(Admin admin, OffsetSpec spec)
            throws InterruptedException {
        try {
            List<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> Arrays.asList(ScoringEventsListener.TOPICS).contains(t)).toList();
            Map<String, TopicDescription> topics = admin.describeTopics(existing).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            topics.values().forEach(d -> d.partitions().forEach(
                    p -> request.put(new TopicPartition(d.name(), p.partition()), spec)));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("无法读取事件主题的位移：" + e.getMessage(), e);
        }
    }

    private MessageListenerContainer container() {
        MessageListenerContainer c = registry.getListenerContainer(ScoringEventsListener.ID);
        if (c == null) {
            throw new IllegalStateException("listener " + ScoringEventsListener.ID + " not registered");
        }
        return c;
    }
}
