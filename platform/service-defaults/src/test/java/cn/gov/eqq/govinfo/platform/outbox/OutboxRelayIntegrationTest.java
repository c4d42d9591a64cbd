package cn.gov.eqq.govinfo.platform.outbox;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay against the real (in-process KRaft) Kafka broker and the Mongo test server. */
@SpringBootTest(properties = {
        "spring.application.name=outbox-test",
        "spring.config.import=classpath:govinfo-defaults.yml",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.outbox.collections=things",
        "govinfo.outbox.poll-interval=1h"})
@EmbeddedKafka(partitions = 1, topics = {"test.thing-events.v1", "test.headed-events.v1", "test.bulk-events.v1"})
class OutboxRelayIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("outbox-test"));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void pendingEntriesArePublishedInOrderAndThenRemovedFromTheDocument() {
        List<Document> outbox = List.of(entry("e1", "k1", "{\"n\":1}"), entry("e2", "k1", "{\"n\":2}"),
                entry("e3", "k1", "{\"n\":3}"));
        mongo.insert(new Document("_id", "thing-1").append("state", "x").append("outbox", new ArrayList<>(outbox)),
                "things");
        mongo.insert(new Document("_id", "thing-2").append("state", "y").append("outbox", new ArrayList<>()), "things");

        assertThat(relay.drain()).isEqualTo(3);

        try (Consumer<String, String> consumer = consumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, "test.thing-events.v1");
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                assertThat(values).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
            });
        }
        Document after = mongo.findById("thing-1", Document.class, "things");
        assertThat(after.getList("outbox", Document.class)).isEmpty();
        assertThat(after.getString("state")).isEqualTo("x");
        assertThat(after.containsKey("outboxClaim")).isFalse();
        assertThat(relay.drain()).as("nothing is published twice").isZero();
    }

    @Test
    void kickPublishesWithoutWaitingForThePoll() {
        mongo.insert(new Document("_id", "thing-3").append("outbox",
                new ArrayList<>(List.of(entry("e9", "k9", "{\"n\":9}")))), "things");

        relay.kick();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.findById("thing-3", Document.class, "things").getList("outbox", Document.class).isEmpty());
    }

    @Test
    void anEntryWithHeadersIsPublishedWithThemAndOneWithoutStaysAPlainValue() {
        OutboxEntry headed = new OutboxEntry("h1", "test.headed-events.v1", "series-1", "{\"n\":1}", Instant.now(),
                Map.of("content-type", "application/cloudevents+json; charset=UTF-8"));
        OutboxEntry plain = new OutboxEntry("h2", "test.headed-events.v1", "series-1", "{\"n\":2}", Instant.now());
        mongo.insert(new Document("_id", "thing-4").append("outbox", new ArrayList<>(List.of(
                OutboxEntryDocuments.toDocument(headed), OutboxEntryDocuments.toDocument(plain)))),
                "things");

        assertThat(relay.drain()).isEqualTo(2);

        try (Consumer<String, String> consumer = consumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, "test.headed-events.v1");
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(records::add);
                assertThat(records).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
            });
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("series-1", "series-1");
            assertThat(new String(records.get(0).headers().lastHeader("content-type").value(),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json; charset=UTF-8");
            assertThat(records.get(1).headers().lastHeader("content-type")).isNull();
        }
    }

    @Test
    void aLiveDocumentGoesBeforeAnImportsBacklogAndTheBacklogFollows() {
        List<Document> bulk = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            bulk.add(new Document("_id", "imported-" + i).append(OutboxRelay.BULK, true).append("outbox",
                    new ArrayList<>(List.of(entry("b" + i, "b" + i, "{\"bulk\":" + i + "}", "test.bulk-events.v1")))));
        }
        mongo.insert(bulk, "things");
        mongo.insert(new Document("_id", "live-1").append("outbox",
                new ArrayList<>(List.of(entry("l1", "l1", "{\"live\":1}", "test.bulk-events.v1")))), "things");

        int first = relay.drain();

        assertThat(mongo.findById("live-1", Document.class, "things").getList("outbox", Document.class)).isEmpty();
        try (Consumer<String, String> consumer = consumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, "test.bulk-events.v1");
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                assertThat(values).hasSize(first);
            });
            assertThat(values.get(0)).as("published before any imported row").isEqualTo("{\"live\":1}");
        }
        // the rest at its pace (50 a second): a few more passes, as the poll would make them
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            relay.drain();
            return mongo.count(new org.springframework.data.mongodb.core.query.Query(
                    org.springframework.data.mongodb.core.query.Criteria.where("outbox.0").exists(true)),
                    "things") == 0;
        });
        assertThat(mongo.findById("imported-7", Document.class, "things").containsKey(OutboxRelay.BULK))
                .as("an entry a live write adds later is a live one").isFalse();
    }

    private static Document entry(String id, String key, String json) {
        return entry(id, key, json, "test.thing-events.v1");
    }

    private static Document entry(String id, String key, String json, String topic) {
        return new Document("eventId", id).append("topic", topic).append("key", key)
                .append("json", json).append("createdAt", java.util.Date.from(Instant.now()));
    }

    private Consumer<String, String> consumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "outbox-test-reader", false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        return new DefaultKafkaConsumerFactory<String, String>(props).createConsumer();
    }
}
