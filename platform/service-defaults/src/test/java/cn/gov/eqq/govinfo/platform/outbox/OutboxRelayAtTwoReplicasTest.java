package cn.gov.eqq.govinfo.platform.outbox;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.replicas.TwoReplicas;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of a service, each with its own relay, over the same database and the real broker: every entry is
 * published, once, in its document's order, while both poll and are kicked at the same moments.
 */
@EmbeddedKafka(partitions = 3, topics = {OutboxRelayAtTwoReplicasTest.TOPIC, OutboxRelayAtTwoReplicasTest.TAKEN_OVER})
class OutboxRelayAtTwoReplicasTest {

    static final String TOPIC = "test.replica-events.v1";
    static final String TAKEN_OVER = "test.taken-over-events.v1";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    private final String database = "outbox-replicas-" + UUID.randomUUID();
    private TwoReplicas replicas;
    private MongoTemplate mongo;

    @BeforeEach
    void startTwoReplicas() {
        replicas = TwoReplicas.start(new Class<?>[]{App.class},
                "--spring.application.name=outbox-replicas-test",
                "--spring.config.import=classpath:govinfo-defaults.yml",
                "--spring.kafka.bootstrap-servers=" + broker().getBrokersAsString(),
                "--spring.mongodb.uri=" + MongoTestServer.uri(database),
                "--govinfo.outbox.collections=things",
                "--govinfo.outbox.poll-interval=20ms");
        mongo = replicas.replica(0).getBean(MongoTemplate.class);
    }

    @AfterEach
    void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void everyEntryIsPublishedExactlyOnceInItsDocumentsOrderWhileBothReplicasPollAndAreKicked() {
        int documents = 240;
        for (int i = 0; i < documents; i++) {
            insert(TOPIC, "thing-" + i, List.of(i + "-a", i + "-b", i + "-c"), null);
            if (i % 40 == 39) {
                replicas.atOnce(OutboxRelay.class, relay -> {
                    relay.kick();
                    return relay.drain();
                });
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(pending(), "things") == 0);
        List<ConsumerRecord<String, String>> records = readAll(TOPIC, documents * 3);

        Map<String, Long> timesPublished = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::value, Collectors.counting()));
        assertThat(timesPublished).hasSize(documents * 3);
        assertThat(timesPublished.values()).allMatch(n -> n == 1);
        Map<String, List<String>> perDocument = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        perDocument.forEach((key, values) -> {
            String n = key.substring("thing-".length());
            assertThat(values).as(key).containsExactly(n + "-a", n + "-b", n + "-c");
        });
        assertThat(mongo.findAll(Document.class, "things"))
                .allSatisfy(d -> assertThat(d).doesNotContainKeys("outboxClaim", "outboxClaimUntil"));
    }

    @Test
    void anOutboxClaimedByAReplicaThatDiedIsPublishedByTheOtherOnceTheClaimRunsOut() {
        insert(TAKEN_OVER, "orphan", List.of("o-1", "o-2"), Date.from(Instant.now().minusSeconds(1)));
        insert(TAKEN_OVER, "held", List.of("h-1"), Date.from(Instant.now().plusSeconds(3600)));

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(pending(), "things") == 1);
        List<ConsumerRecord<String, String>> records = readAll(TAKEN_OVER, 2);

        assertThat(records).extracting(ConsumerRecord::value).containsExactly("o-1", "o-2");
        assertThat(mongo.findById("held", Document.class, "things").getList("outbox", Document.class))
                .as("a live claim of another replica is respected").hasSize(1);
    }

    private static Query pending() {
        return new Query(Criteria.where("outbox.0").exists(true));
    }

    /** A document with one entry per value; {@code claimedUntil} set: claimed by a replica that is not here. */
    private void insert(String topic, String id, List<String> values, Date claimedUntil) {
        List<Document> outbox = new ArrayList<>();
        for (String value : values) {
            outbox.add(new Document("eventId", UUID.randomUUID().toString()).append("topic", topic).append("key", id)
                    .append("json", value).append("createdAt", new Date()));
        }
        Document document = new Document("_id", id).append("outbox", outbox);
        if (claimedUntil != null) {
            document.append("outboxClaim", "replica-gone").append("outboxClaimUntil", claimedUntil);
        }
        mongo.insert(document, "things");
    }

    /** Reads the topic until {@code expected} records arrived, then half a second more to catch any duplicate. */
    private List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (Consumer<String, String> consumer = consumer()) {
            broker().consumeFromAnEmbeddedTopic(consumer, topic);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(300)).forEach(records::add);
                return records.size() >= expected;
            });
            KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static Consumer<String, String> consumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker(), "reader-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        return new DefaultKafkaConsumerFactory<String, String>(props).createConsumer();
    }

    private static EmbeddedKafkaBroker broker() {
        return EmbeddedKafkaCondition.getBroker();
    }
}
