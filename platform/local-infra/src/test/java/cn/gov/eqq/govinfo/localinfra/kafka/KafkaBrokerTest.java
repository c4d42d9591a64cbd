package cn.gov.eqq.govinfo.localinfra.kafka;

import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void brokerOnFreePortsDeliversWhatWasProducedAndKeepsItAcrossARestart() throws Exception {
        KafkaBroker broker = KafkaBroker.start(KafkaBroker.Config.of(dir, 0, 0), START_TIMEOUT);
        System.out.printf("Kafka started in %d ms (first start, with format) on %s%n",
                broker.startupTime().toMillis(), broker.bootstrapServers());
        try {
            assertThat(broker.isAlive()).isTrue();
            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>("test.item-events.v1", "item-1", "{\"n\":1}")).get();
            }
            assertThat(consumeAll(broker, "first")).containsExactly("item-1={\"n\":1}");
        } finally {
            broker.stop();
        }
        assertThat(broker.isAlive()).isFalse();
        assertThat(FreePorts.isOpen(broker.port())).isFalse();

        KafkaBroker again = KafkaBroker.start(KafkaBroker.Config.of(dir, 0, 0), START_TIMEOUT);
        System.out.printf("Kafka started in %d ms (restart, formatted data dir)%n", again.startupTime().toMillis());
        try {
            assertThat(consumeAll(again, "second")).containsExactly("item-1={\"n\":1}");
        } finally {
            again.stop();
        }
        assertThat(Files.readString(dir.resolve("kafka.log"))).contains("Kafka Server started");
    }

    @Test
    void aBrokerThatCannotStartIsReportedWithItsLogFile() {
        Path libs = dir.resolve("empty-libs");
        KafkaBroker.Config config = new KafkaBroker.Config(libs, dir, 0, 0, List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            Files.createDirectories(libs);
            KafkaBroker.start(config, START_TIMEOUT);
        }).hasMessageContaining("kafka_2.13").hasMessageContaining(libs.toString());
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static List<String> consumeAll(KafkaBroker broker, String group) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("test.item-events.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}
