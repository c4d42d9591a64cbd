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
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import cn.gov.eqq.govinfo.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

        /** Polls that bring nothing before a part is left unfinished to {@link #next} (a partition that stalls). */
        private static final int EMPTY_POLLS = 10;

        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final Admin admin;
        /** Where each partition ended when the reading began: the parts read up to here. */
        private final Map<TopicPartition, Long> ends;
        /** The parts still to read: the unit topic, then each partition number of the fact topics. */
        private final Deque<List<TopicPartition>> parts = new ArrayDeque<>();
        /** Commission facts by the partition number of their item (read before the first fact part). */
        private Map<Integer, List<ConsumedEvent>> commissionsByPart;
        private boolean partsDone;
        private volatile long read; // counted by the thread that reads, read by the one that folds

        KafkaReading(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Admin admin) {
            this.consumer = consumer;
            this.partitions = partitions;
            this.admin = admin;
            this.ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            parts.add(partitions.stream().filter(tp -> tp.topic().equals(Topics.UNITS)).toList());
            int numbers = partitions.stream().mapToInt(TopicPartition::partition).max().orElse(-1) + 1;
            for (int n = 0; n < numbers; n++) {
                int number = n;
                parts.add(partitions.stream().filter(tp -> tp.partition() == number && !tp.topic().equals(Topics.UNITS)
                        && !tp.topic().equals(Topics.COMMISSIONS)).toList());
            }
        }

        @Override
        public List<ConsumedEvent> nextPart(int max) {
            List<ConsumedEvent> events = new ArrayList<>();
            while (!parts.isEmpty()) {
                if (commissionsByPart == null && !parts.peekFirst().stream()
                        .allMatch(tp -> tp.topic().equals(Topics.UNITS))) {
                    commissionsByPart = commissionsByItemPartition();
                }
                List<TopicPartition> part = parts.peekFirst();
                if (events.isEmpty() && commissionsByPart != null && !part.isEmpty()) {
                    // the commission facts of this partition number go with the part's first piece
                    List<ConsumedEvent> commissions = commissionsByPart.remove(part.get(0).partition());
                    if (commissions != null) {
                        events.addAll(commissions);
                    }
                }
                if (readToEnd(part, max, events)) {
                    parts.removeFirst();
                }
                if (!events.isEmpty()) {
                    return events;
                }
            }
            if (!partsDone) {
                partsDone = true;
                consumer.resume(partitions);
                // commission facts of a partition number no fact part had (topics of unequal partition counts)
                if (commissionsByPart != null) {
                    commissionsByPart.values().forEach(events::addAll);
                    commissionsByPart = Map.of();
                }
                return events.isEmpty() ? null : events;
            }
            return null;
        }

        /**
         * Reads these partitions up to their ends into {@code events}, at most to about {@code max} of them.
         *
         * @return true when the part is finished: read to its ends, or left to {@link #next} after polls that brought
         *         nothing (the rest is then folded by the tail, which gives the same items)
         */
        private boolean readToEnd(List<TopicPartition> part, int max, List<ConsumedEvent> events) {
            int empty = 0;
            consumer.pause(partitions);
            while (events.size() < max) {
                List<TopicPartition> open = part.stream().filter(tp -> consumer.position(tp) < ends.get(tp)).toList();
                if (open.isEmpty()) {
                    return true;
                }
                consumer.pause(partitions);
                consumer.resume(open);
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    if (++empty >= EMPTY_POLLS) {
                        log.warn("rebuild leaves {} to its tail: nothing came in {} polls", open, EMPTY_POLLS);
                        return true;
                    }
                    continue;
                }
                empty = 0;
                for (ConsumerRecord<String, String> r : records) {
                    translate(r).ifPresent(events::add);
                }
            }
            return false;
        }

        /**
         * Every commission fact of the commission topic up to its ends, by the partition number the item topic
         * gives its item id (Kafka's default partitioner: murmur2 of the key): commissions are keyed by commission
         * id, so without this an item's judgement would be folded in another part than its other facts.
         * In memory until its part: the commission topic is a small share of the events.
         */
        private Map<Integer, List<ConsumedEvent>> commissionsByItemPartition() {
            List<TopicPartition> commissions = partitions.stream()
                    .filter(tp -> tp.topic().equals(Topics.COMMISSIONS)).toList();
            int itemPartitions = (int) partitions.stream().filter(tp -> tp.topic().equals(Topics.ITEMS)).count();
            List<ConsumedEvent> all = new ArrayList<>();
            readToEnd(commissions, Integer.MAX_VALUE, all);
            Map<Integer, List<ConsumedEvent>> byPart = new HashMap<>();
            for (ConsumedEvent e : all) {
                int number = e instanceof ConsumedEvent.Fact f && itemPartitions > 0
                        ? Utils.toPositive(Utils.murmur2(f.fact().itemId().getBytes(StandardCharsets.UTF_8)))
                        % itemPartitions
                        : 0;
                byPart.computeIfAbsent(number, n -> new ArrayList<>()).add(e);
            }
            return byPart;
        }

        private Optional<ConsumedEvent> translate(ConsumerRecord<String, String> r) {
            read++;
            try {
                return Optional.of(EventTranslation.of(codec.decode(r.value())));
            } catch (EventDecodingException e) {
                log.debug("rebuild skips {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                return Optional.empty();
            }
        }

        @Override
        public List<ConsumedEvent> next(int max) {
            if (!partsDone) {
                partsDone = true;
                parts.clear();
                consumer.resume(partitions);
            }
            List<ConsumedEvent> events = new ArrayList<>();
            while (events.size() < max) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<String, String> r : records) {
                    translate(r).ifPresent(events::add);
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
