package cn.gov.eqq.govinfo.adoption.integration;

import cn.gov.eqq.govinfo.adoption.AdoptionTrackingApplication;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.adoption.importing.domain.ImportPlan;
import cn.gov.eqq.govinfo.adoption.importing.domain.ItemDirectory;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.replicas.TwoReplicas;
import org.apache.kafka.clients.consumer.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import accepted by a replica that died before applying it is finished by the recovery pass, which both replicas
 * run on their schedules and here also at the same moment: each line becomes one record and one published event.
 */
@EmbeddedKafka(partitions = 2, topics = {Topics.ITEMS, Topics.UNITS, Topics.ADOPTIONS,
        "adoption-tracking.dead-letter.v1"})
class RecoveryAtTwoReplicasTest {

    @Test
    @SuppressWarnings("unchecked")
    void anImportLeftHalfDoneIsFinishedOnceWhenBothReplicasRecoverItAtOnce() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        String itemId = "ITM-" + UUID.randomUUID();
        try (TwoReplicas replicas = TwoReplicas.start(new Class<?>[]{AdoptionTrackingApplication.class},
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=" + MongoTestServer.uri("adoption-replicas-" + UUID.randomUUID()),
                "--govinfo.kafka.topic-partitions=2",
                "--govinfo.adoption.recovery-initial-delay=0s",
                "--govinfo.adoption.recovery-interval=100ms",
                "--logging.level.org.apache.kafka=WARN");
             Consumer<String, String> adoptions = adoptionsFromNow(broker)) {
            EventCodec codec = replicas.replica(0).getBean(EventCodec.class);
            EventEnvelope<?> received = EventEnvelope.wrap(new ItemReceived(itemId, "U007", 1, "校园食品安全专项整治",
                    "DYNAMIC", List.of("产业发展"), false, "GOOD_NEWS", LocalDate.of(2026, 1, 4),
                    Instant.parse("2026-01-05T02:00:00Z"), Instant.parse("2026-01-06T02:00:00Z"), "room-editor", null),
                    "submission-intake", Instant.now());
            replicas.replica(0).getBean(KafkaTemplate.class).send(Topics.ITEMS, received.key(), codec.encode(received))
                    .join();
            MongoTemplate mongo = replicas.replica(1).getBean(MongoTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Document doc = mongo.findById(itemId, Document.class, "items");
                return doc != null && doc.get("facts", Document.class).getBoolean("received", false);
            });

            // what importCsv writes before it applies the rows: the batch, accepted a minute ago and never applied
            String csv = "item_id,unit,title,kind,publication,issue_no,date,leader,text\n"
                    + itemId + ",,,CITY_BULLETIN_ADOPTED,,2026年第3期,2026-02-10,,\n"
                    + itemId + ",,,REGION_DAILY_BRIEF_ADOPTED,,2026年第9期,2026-04-01,,\n";
            ImportPlan plan = ImportingRecords.planOf(csv, replicas.replica(0).getBean(ItemDirectory.class), LocalDate.now());
            assertThat(plan.acceptable()).isTrue();
            replicas.replica(0).getBean(ImportBatchStore.class).insertIfAbsent(new ImportBatchStore.Batch(
                    "IMP-" + plan.batchFingerprint().substring(0, 32), "past.csv", plan.rows(), "room-editor",
                    Instant.now().minus(Duration.ofMinutes(1))));
            for (int round = 0; round < 3; round++) {
                replicas.atOnce(ImportingRecords.class, recovery -> {
                    recovery.completePending();
                    return null;
                });
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(itemId, Document.class, "items")
                    .getList("outbox", Document.class).isEmpty());
            assertThat(mongo.findById(itemId, Document.class, "items").getList("records", Document.class))
                    .hasSize(2);
            List<String> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(adoptions, Duration.ofMillis(300)).forEach(r -> {
                    if (itemId.equals(r.key())) {
                        published.add(codec.decode(r.value()).type());
                    }
                });
                return published.size() >= 2;
            });
            KafkaTestUtils.getRecords(adoptions, Duration.ofMillis(500)).forEach(r -> {
                if (itemId.equals(r.key())) {
                    published.add(codec.decode(r.value()).type());
                }
            });
            assertThat(published).containsExactly("AdoptionRecorded", "AdoptionRecorded");
        }
    }

    private static Consumer<String, String> adoptionsFromNow(EmbeddedKafkaBroker broker) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "latest");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<String, String>(props).createConsumer();
        broker.consumeFromAnEmbeddedTopic(consumer, Topics.ADOPTIONS);
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }
}
