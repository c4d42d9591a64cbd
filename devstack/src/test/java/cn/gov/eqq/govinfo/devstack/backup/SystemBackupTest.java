package cn.gov.eqq.govinfo.devstack.backup;

import cn.gov.eqq.govinfo.localinfra.kafka.KafkaBroker;
import cn.gov.eqq.govinfo.localinfra.mongo.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Indexes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of a running system (the devstack's wire server with its H2 file backend and a real Kafka broker) restored
 * into an empty second one: every document with its BSON types, every index, every record in its partition and order
 * with its key, headers and timestamp.
 */
class SystemBackupTest {

    private static final String TOPIC = "intake.item-events.v1";
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    static Path work;
    static MongoWireServer sourceMongo;
    static MongoWireServer targetMongo;
    static KafkaBroker sourceKafka;
    static KafkaBroker targetKafka;

    @BeforeAll
    static void twoSystems() {
        sourceMongo = MongoWireServer.h2File(work.resolve("source/mongo.h2"), 0);
        targetMongo = MongoWireServer.inMemory(0);
        sourceKafka = KafkaBroker.start(KafkaBroker.Config.of(work.resolve("source/kafka"), 0, 0), Duration.ofSeconds(90));
        targetKafka = KafkaBroker.start(KafkaBroker.Config.of(work.resolve("target/kafka"), 0, 0), Duration.ofSeconds(90));
        createTopic(sourceKafka);
        createTopic(targetKafka);
    }

    @AfterAll
    static void stop() {
        sourceKafka.close();
        targetKafka.close();
        sourceMongo.close();
        targetMongo.close();
    }

    private static void createTopic(KafkaBroker broker) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SystemBackup system(MongoWireServer mongo, KafkaBroker kafka) {
        return new SystemBackup(mongo.uri(""), List.of("intake", "scoring"), kafka.bootstrapServers(),
                List.of(TOPIC), java.util.Set.of(), null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Document item(String id, int n) {
        return new Document("_id", id).append("unitId", "U00" + (n % 3)).append("title", "关于第" + n + "项政务信息")
                .append("submittedAt", Date.from(NOW.minusSeconds(n * 3600L))).append("version", (long) n)
                .append("score", new Decimal128(new java.math.BigDecimal("1." + n)))
                .append("audit", List.of(new Document("action", "报送").append("by", "u" + n)));
    }

    @Test
    void aBackupRestoredIntoAnEmptySystemHoldsTheSameDocumentsIndexesAndRecords() throws Exception {
        List<Document> items = new ArrayList<>();
        try (MongoClient source = MongoClients.create(sourceMongo.uri(""))) {
            for (int n = 1; n <= 25; n++) {
                items.add(item("item-" + n, n));
            }
            source.getDatabase("intake").getCollection("items").insertMany(items);
            source.getDatabase("intake").getCollection("items").createIndex(Indexes.ascending("unitId", "status"));
            source.getDatabase("intake").getCollection("schema_migrations").insertOne(new Document("_id", 1)
                    .append("description", "baseline"));
            source.getDatabase("scoring").createCollection("audit_log");
            source.getDatabase("scoring").getCollection("item_scores").insertOne(new Document("_id", "item-1")
                    .append("months", List.of("2026-01")));
        }
        List<String> produced = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, sourceKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int n = 1; n <= 30; n++) {
                var record = new ProducerRecord<>(TOPIC, n % 3, NOW.toEpochMilli() + n, "item-" + n,
                        "{\"type\":\"ItemSubmitted\",\"n\":" + n + ",\"title\":\"政务信息\"}",
                        List.of(new RecordHeader("traceparent", ("00-" + n).getBytes(StandardCharsets.UTF_8))));
                producer.send(record).get();
                produced.add((n % 3) + "|" + (NOW.toEpochMilli() + n) + "|item-" + n + "|00-" + n + "|n" + n);
            }
        }
        // the target has started once: its services recorded their baseline and seeded their units already
        try (MongoClient target = MongoClients.create(targetMongo.uri(""))) {
            target.getDatabase("intake").getCollection("schema_migrations").insertOne(new Document("_id", 1)
                    .append("description", "baseline").append("appliedBy", "fresh"));
            target.getDatabase("intake").getCollection("units").insertOne(new Document("_id", "U001"));
        }

        Path dir = work.resolve("backup-1");
        var manifest = system(sourceMongo, sourceKafka).backup(dir);

        assertThat(manifest.path("createdAt").asString()).isEqualTo(NOW.toString());
        assertThat(manifest.path("databases").path("intake").path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(manifest.path("databases").path("intake").path("documents").path("items").asLong()).isEqualTo(25);
        assertThat(manifest.path("topics").path(TOPIC).asLong()).isEqualTo(30);
        assertThat(manifest.path("sha256").path("mongo/intake/items.jsonl").asString()).hasSize(64);

        var restored = system(targetMongo, targetKafka).restore(dir);

        assertThat(restored.path("topics").path(TOPIC).asLong()).isEqualTo(30);
        try (MongoClient target = MongoClients.create(targetMongo.uri(""))) {
            var restoredItems = target.getDatabase("intake").getCollection("items").find()
                    .sort(new Document("_id", 1)).into(new ArrayList<>());
            assertThat(restoredItems).containsExactlyElementsOf(items.stream()
                    .sorted(java.util.Comparator.comparing(d -> d.getString("_id"))).toList());
            assertThat(restoredItems.get(0).get("score")).isInstanceOf(Decimal128.class);
            assertThat(restoredItems.get(0).get("version")).isInstanceOf(Long.class);
            assertThat(target.getDatabase("intake").getCollection("items").listIndexes()
                    .map(i -> i.get("key", Document.class).toJson()).into(new ArrayList<>()))
                    .contains("{\"unitId\": 1, \"status\": 1}");
            assertThat(target.getDatabase("intake").getCollection("schema_migrations").find()
                    .into(new ArrayList<>())).containsExactly(new Document("_id", 1).append("description", "baseline"));
            assertThat(target.getDatabase("scoring").getCollection("item_scores").countDocuments()).isEqualTo(1);
            assertThat(target.getDatabase("scoring").listCollectionNames().into(new ArrayList<>()))
                    .as("an empty collection is restored as one").contains("audit_log");
            assertThat(target.getDatabase("intake").listCollectionNames().into(new ArrayList<>()))
                    .as("what the fresh system had and the backup has not is gone").doesNotContain("units");
        }
        assertThat(readAll(targetKafka)).containsExactlyInAnyOrderElementsOf(produced);
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            assertThat(readAll(targetKafka).stream().filter(r -> r.startsWith(p + "|")).toList())
                    .as("partition %d in its order", p)
                    .containsExactlyElementsOf(produced.stream().filter(r -> r.startsWith(p + "|")).toList());
        }

        // a second restore finds events on the topics, refuses, and writes nothing
        try (MongoClient target = MongoClients.create(targetMongo.uri(""))) {
            target.getDatabase("intake").getCollection("items").insertOne(new Document("_id", "new-after-restore"));
            assertThatThrownBy(() -> system(targetMongo, targetKafka).restore(dir))
                    .hasMessageContaining(TOPIC).hasMessageContaining("not empty");
            assertThat(target.getDatabase("intake").getCollection("items").countDocuments()).isEqualTo(26);
        }
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingIsRestored() throws Exception {
        Path dir = work.resolve("backup-2");
        system(sourceMongo, sourceKafka).backup(dir);
        Files.writeString(dir.resolve("kafka/" + TOPIC + ".jsonl"), "{}\n",
                java.nio.file.StandardOpenOption.APPEND);

        try (MongoWireServer empty = MongoWireServer.inMemory(0)) {
            assertThatThrownBy(() -> system(empty, targetKafka).restore(dir))
                    .hasMessageContaining("kafka/" + TOPIC + ".jsonl").hasMessageContaining("damaged");
            try (MongoClient client = MongoClients.create(empty.uri(""))) {
                assertThat(client.getDatabase("intake").listCollectionNames().into(new ArrayList<>())).isEmpty();
            }
        }
    }

    private static List<String> readAll(KafkaBroker broker) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1),
                    new TopicPartition(TOPIC, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    String n = r.value().replaceAll(".*\"n\":(\\d+).*", "$1");
                    out.add(r.partition() + "|" + r.timestamp() + "|" + r.key() + "|"
                            + new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
                            + "|n" + n);
                }
            }
        }
        return out;
    }
}
