package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka;

import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import cn.gov.eqq.govinfo.scoring.ledger.application.ConsumedEvent;
import cn.gov.eqq.govinfo.scoring.ledger.application.EventSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rebuild's reader: a plain consumer {@code assign}ed every partition of the four topics and sought to their
 * beginning, with no group id (the service's Kafka principal may join only the group {@code scoring}, which the live
 * listeners own), committing nothing; the live group's committed offsets are read with the admin API.
 */
@Component
class KafkaEventSource implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSource.class);
    private static final int MAX_POLL_RECORDS = 5000;

    private final ConsumerFactory<?, ?> consumers;
    private final KafkaAdmin kafkaAdmin;
    private final EventCodec codec;
    private final String group;

    KafkaEventSource(ConsumerFactory<?, ?> consumers, KafkaAdmin kafkaAdmin, EventCodec codec,
                     @Value("${spring.application.name}") String group) {
        this.consumers = consumers;
        this.kafkaAdmin = kafkaAdmin;
        this.codec = codec;
        this.group = group;
    }

    @Override
    public Reading fromBeginning() {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ScoringEventsListener.TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return new KafkaReading(consumer, partitions, Admin.create(kafkaAdmin.getConfigurationProperties()));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private final class KafkaReading implements Reading {

        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final Admin admin;
        private long read;

        KafkaReading(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Admin admin) {
            this.consumer = consumer;
            this.partitions = partitions;
            this.admin = admin;
        }

        @Override
        public List<ConsumedEvent> next(int max) {
            List<ConsumedEvent> events = new ArrayList<>();
            while (events.size() < max) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<String, String> r : records) {
                    read++;
                    try {
                        events.add(EventTranslation.of(codec.decode(r.value())));
                    } catch (EventDecodingException e) {
                        log.debug("rebuild skips {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
            return events;
        }

        @Override
        public long read() {
            return read;
        }

        @Override
        public boolean caughtUpWithLive() {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                for (TopicPartition tp : partitions) {
                    OffsetAndMetadata c = committed.get(tp);
                    if (c != null && consumer.position(tp) < c.offset()) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("无法读取消费组 " + group + " 的位移：" + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                consumer.close(Duration.ofSeconds(5));
            } finally {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }
}
