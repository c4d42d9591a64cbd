package cn.gov.eqq.govinfo.devstack.backup;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Every record of a topic, partition by partition from the first offset to the end offset seen when the dump
 * started, one JSON line per record in {@code <dir>/<topic>.jsonl}: partition, offset, timestamp, key, headers and
 * value, bytes in Base64 so that nothing is re-encoded. A restore produces them again in order, each to the
 * partition it came from, with its key, headers and timestamp (offsets are assigned again by the new broker).
 */
final class TopicDump {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();

    private TopicDump() {
    }

    /** Dumps one topic; returns the number of records. */
    static long dump(String bootstrapServers, String topic, Path dir) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             BufferedWriter out = Files.newBufferedWriter(dir.resolve(topic + ".jsonl"), StandardCharsets.UTF_8)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            List<TopicPartition> partitions = infos == null ? List.of() : infos.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            long n = 0;
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(2))) {
                        if (r.offset() >= end) {
                            break;
                        }
                        out.write(JSON.writeValueAsString(line(r)));
                        out.write('\n');
                        n++;
                    }
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode line(ConsumerRecord<byte[], byte[]> r) {
        ObjectNode line = JSON.createObjectNode();
        line.put("partition", r.partition());
        line.put("offset", r.offset());
        line.put("timestamp", r.timestamp());
        line.put("key", r.key() == null ? null : B64.encodeToString(r.key()));
        ArrayNode headers = line.putArray("headers");
        for (Header h : r.headers()) {
            headers.addObject().put("key", h.key()).put("value", h.value() == null ? null : B64.encodeToString(h.value()));
        }
        line.put("value", r.value() == null ? null : B64.encodeToString(r.value()));
        return line;
    }

    /** How many records the topic holds now (end minus start offsets of every partition). */
    static long size(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
        }
    }

    /** Produces the dumped records again, in file order (partition by partition, by offset). */
    static long restore(String bootstrapServers, String topic, Path dir) {
        Path file = dir.resolve(topic + ".jsonl");
        if (!Files.exists(file)) {
            return 0;
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new ByteArraySerializer(), new ByteArraySerializer());
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Future<?>> sent = new ArrayList<>();
            String text;
            long n = 0;
            while ((text = in.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = JSON.readTree(text);
                List<Header> headers = new ArrayList<>();
                for (JsonNode h : line.path("headers")) {
                    headers.add(new RecordHeader(h.path("key").asString(), bytes(h.path("value"))));
                }
                sent.add(producer.send(new ProducerRecord<>(topic, line.path("partition").asInt(),
                        line.path("timestamp").asLong(), bytes(line.path("key")), bytes(line.path("value")),
                        headers)));
                n++;
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("恢复主题失败 / restoring topic " + topic + " failed: " + e.getCause(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : UNB64.decode(node.asString());
    }
}
