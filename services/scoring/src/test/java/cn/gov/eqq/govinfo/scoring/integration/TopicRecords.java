package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.platform.events.EventCodec;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What scoring publishes, read from the real topics from their beginning on a thread of its own: every record
 * decoded, its Kafka key checked against the event's aggregate key.
 */
final class TopicRecords implements AutoCloseable {

    private final List<EventEnvelope<?>> envelopes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean reading = true;

    TopicRecords(EmbeddedKafkaBroker broker, EventCodec codec, String group, String... topics) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group, false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", StringDeserializer.class);
        props.put("value.deserializer", StringDeserializer.class);
        Consumer<String, String> reader = new DefaultKafkaConsumerFactory<String, String>(props).createConsumer();
        reader.subscribe(List.of(topics));
        thread = new Thread(() -> {
            while (reading) {
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                    EventEnvelope<?> e = codec.decode(r.value());
                    assertThat(r.key()).isEqualTo(e.payload().aggregateKey());
                    envelopes.add(e);
                }
            }
            reader.close();
        }, group);
        thread.start();
    }

    /** Everything read so far, in the order read. */
    List<EventEnvelope<?>> envelopes() {
        return envelopes;
    }

    /** The row of {@code unitId} in the highest snapshot version read so far of ranking {@code key}, or null. */
    cn.gov.eqq.govinfo.contracts.ranking.RankingRow latestRow(String key, String unitId) {
        return payloads(cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished.class).stream()
                .filter(s -> s.aggregateKey().equals(key))
                .max(java.util.Comparator.comparingLong(
                        cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished::snapshotVersion))
                .flatMap(s -> s.rows().stream().filter(r -> r.unitId().equals(unitId)).findFirst())
                .orElse(null);
    }

    /** The payloads of one type read so far, in the order read. */
    <T> List<T> payloads(Class<T> type) {
        return envelopes.stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() throws InterruptedException {
        reading = false;
        thread.join(10_000);
    }
}
