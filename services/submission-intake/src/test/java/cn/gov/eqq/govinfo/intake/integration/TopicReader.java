package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a topic of the real broker from the beginning, and compares records with the golden contract files. */
public final class TopicReader implements AutoCloseable {

    private final Consumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(EmbeddedKafkaBroker broker, String topic) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", StringDeserializer.class);
        props.put("value.deserializer", StringDeserializer.class);
        consumer = new DefaultKafkaConsumerFactory<String, String>(props).createConsumer();
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far, polling once more first. */
    public List<ConsumerRecord<String, String>> poll() {
        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(300)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public List<ConsumerRecord<String, String>> withKey(String key) {
        return poll().stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static String golden(String topic, String type) {
        String path = "golden/" + topic + "/" + type + ".v1.json";
        try (InputStream in = TopicReader.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("golden file " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The shape of a JSON document: every property path with the JSON type of its value. A null produced value is
     * compatible with any type (optional fields), so nulls are left out of the comparison on both sides.
     */
    public static Map<String, String> shape(EventCodec codec, String json) {
        Map<String, String> out = new TreeMap<>();
        walk("", codec.tree(json), out);
        return out;
    }

    /** Property names at every level, nulls included: what the consumers' field lists see. */
    public static List<String> paths(EventCodec codec, String json) {
        Map<String, String> out = new TreeMap<>();
        walkAll("", codec.tree(json), out);
        return List.copyOf(out.keySet());
    }

    private static void walk(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(prefix + "/" + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            out.put(prefix, "ARRAY");
            for (JsonNode element : node) {
                walk(prefix + "[]", element, out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.getNodeType().name());
        }
    }

    private static void walkAll(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.put(prefix + "/" + e.getKey(), "");
                walkAll(prefix + "/" + e.getKey(), e.getValue(), out);
            }
        }
    }
}
