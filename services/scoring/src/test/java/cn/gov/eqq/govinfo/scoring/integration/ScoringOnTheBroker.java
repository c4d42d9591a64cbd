package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;

import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * What the integration tests over the real broker share: the whole service on the in-process KRaft broker with every
 * topic scoring reads or writes, a database of its own on the Mongo test server, the business clock fixed at
 * 2026-10-10 10:00 Beijing time; events sent as the producing services send them, and what scoring publishes read
 * back ({@link TopicRecords}). A test adds its own settings with {@code @TestPropertySource}. Each test class has a
 * context (broker, database) of its own, closed after it: two classes with the same settings must not share data.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.scoring.fixed-clock=2026-10-10T02:00:00Z",
        "govinfo.kafka.topic-partitions=1"})
@EmbeddedKafka(partitions = 1, topics = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
        Topics.RANKINGS, Topics.ITEM_SCORES, Topics.POLICIES, Topics.CIRCULARS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ScoringOnTheBroker {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("scoring-it-" + UUID.randomUUID()));
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    /** Sends the event in its envelope, keyed by its aggregate, as its producing service would. */
    void send(String topic, IntegrationEvent payload) {
        send(topic, EventEnvelope.wrap(payload, "test", Instant.now()));
    }

    void send(String topic, EventEnvelope<?> envelope) {
        kafka.send(topic, envelope.key(), codec.encode(envelope)).join();
    }

    /** Starts reading these topics from their beginning under a consumer group of the test's own. */
    TopicRecords read(String group, String... topics) {
        return new TopicRecords(broker, codec, group, topics);
    }

    /** A Beijing wall-clock time ({@code 2026-07-10T09:00}) as an instant. */
    static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BeijingTime.ZONE).toInstant();
    }
}
