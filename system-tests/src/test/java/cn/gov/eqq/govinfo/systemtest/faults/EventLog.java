package cn.gov.eqq.govinfo.systemtest.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Raw Kafka clients, no Spring: what is on a topic, what the consumer groups still have to read, and raw writes. */
final class EventLog {

    private final String bootstrap;

    EventLog(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every record of the topic from the beginning to the end offsets of this moment. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end + " within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** Writes records as they are (key, value, headers) — a raw producer, as a broken or replaying writer would. */
    void produce(List<ProducerRecord<String, String>> records) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    /**
     * Lag per consumer group and topic: end offset minus committed offset, summed over the partitions the group
     * has committed (a group that committed nothing on a partition with records counts all of them).
     */
    Map<String, Long> lag(List<String> groups) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60000))) {
            Map<String, Long> lag = new TreeMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(20, TimeUnit.SECONDS);
                for (var entry : committed.entrySet()) {
                    long end = ends.get(entry.getKey()).offset();
                    long done = entry.getValue() == null ? 0 : entry.getValue().offset();
                    lag.merge(group + " " + entry.getKey().topic(), Math.max(0, end - done), Long::sum);
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read consumer lag: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until every group has read every topic it reads to the end; returns the seconds it took. Fails with the
     * last lag seen.
     */
    double awaitNoLag(List<String> groups, Duration patience) {
        long begin = System.nanoTime();
        long deadline = begin + patience.toNanos();
        Map<String, Long> last = Map.of();
        String error = "";
        while (System.nanoTime() < deadline) {
            try {
                last = lag(groups);
                error = "";
                if (!last.isEmpty() && last.values().stream().allMatch(l -> l == 0)) {
                    return (System.nanoTime() - begin) / 1e9;
                }
            } catch (IllegalStateException e) {
                error = e.getMessage();
            }
            Http.sleep(500);
        }
        throw new AssertionError("consumer lag did not drain within " + patience.toSeconds() + " s: " + last + " "
                + error);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
