package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.CommissionTaskingApplication;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.replicas.TwoReplicas;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commission import whose replica is stopped in the middle of writing is finished by the other replica once the
 * stopped one's lease has run out: every commission lands exactly once, the batch counts them all as its own, and
 * each commission's issue is published once.
 */
class ImportCrashResumeTest extends CommissionAppTestBase {

    private static final int COMMISSIONS = 40;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventCodec codec;

    @Test
    void anImportCutOffMidWriteIsFinishedByTheOtherReplicaEveryCommissionExactlyOnce() {
        String[] args = Stream.concat(Stream.of(standaloneArguments("commission-import-crash-" + UUID.randomUUID(),
                broker.getBrokersAsString())), Stream.of(
                // parts of two commissions with a pause after each: the write takes seconds, long enough to stop it
                "--govinfo.commission.imports.part-size=2",
                "--govinfo.commission.imports.part-pause=200ms",
                "--govinfo.commission.imports.lease=2s",
                "--govinfo.commission.imports.initial-delay=0s",
                "--govinfo.commission.imports.poll-interval=200ms")).toArray(String[]::new);
        try (TwoReplicas replicas = TwoReplicas.start(new Class<?>[]{CommissionTaskingApplication.class}, args)) {
            MongoTemplate watching = replicas.replica(0).getBean(MongoTemplate.class);
            MongoUnitDirectory directory = replicas.replica(0).getBean(MongoUnitDirectory.class);
            directory.apply("U006", "发改委", 2, true, Instant.parse("2025-01-01T00:00:00Z"));
            directory.apply("U037", "城川镇", 3, true, Instant.parse("2025-01-01T00:00:00Z"));
            String batchId = replicas.replica(0).getBean(ImportingPastCommissions.class).accept(
                    new ImportingPastCommissions.ImportCommissions(commissions(), "room-editor", "127.0.0.1"))
                    .batch().id();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                Document b = watching.findById(batchId, Document.class, MongoCommissionImportStore.COLLECTION);
                return "WRITING".equals(b.getString("state")) && b.getInteger("written", 0) >= 6;
            });
            String holder = watching.findById(batchId, Document.class, MongoCommissionImportStore.COLLECTION)
                    .getString("claimedBy");
            int stopped = replicas.replica(0).getBean(ImportingPastCommissions.class).work().worker().equals(holder) ? 0 : 1;
            ConfigurableApplicationContext survivor = replicas.replica(1 - stopped);
            MongoTemplate mongo = survivor.getBean(MongoTemplate.class);
            replicas.replica(stopped).close();
            Document cutOff = mongo.findById(batchId, Document.class, MongoCommissionImportStore.COLLECTION);
            assertThat(cutOff.getInteger("written")).as("stopped halfway").isBetween(6, COMMISSIONS - 2);
            assertThat(cutOff.getString("state")).isEqualTo("WRITING");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> "DONE".equals(
                    mongo.findById(batchId, Document.class, MongoCommissionImportStore.COLLECTION).getString("state")));

            Document done = mongo.findById(batchId, Document.class, MongoCommissionImportStore.COLLECTION);
            assertThat(List.of(done.getInteger("rows"), done.getInteger("written"), done.getInteger("added"),
                    done.getInteger("alreadyPresent"))).containsExactly(COMMISSIONS, COMMISSIONS, COMMISSIONS, 0);
            List<Document> imported = mongo.find(new Query(Criteria.where("importBatch").is(batchId)), Document.class,
                    MongoCommissionStore.COLLECTION);
            assertThat(imported).hasSize(COMMISSIONS);
            Set<String> ids = imported.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());

            // a record published twice (the stopped replica's relay died between the broker's acknowledgement and
            // its $pull) carries the same eventId, which consumers drop
            List<EventEnvelope<?>> issued = new ArrayList<>();
            try (Consumer<String, String> consumer = fromTheStart()) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> {
                        if (ids.contains(r.key())) {
                            EventEnvelope<?> e = codec.decode(r.value());
                            if (e.type().equals("CommissionIssued")) {
                                issued.add(e);
                            }
                        }
                    });
                    assertThat(issued.stream().map(EventEnvelope::key).distinct().count()).isEqualTo(COMMISSIONS);
                });
            }
            assertThat(issued.stream().map(EventEnvelope::eventId).distinct().count())
                    .as("one issue event per commission").isEqualTo(COMMISSIONS);
        }
    }

    private static List<PastCommissionRow> commissions() {
        List<PastCommissionRow> rows = new ArrayList<>();
        for (int i = 0; i < COMMISSIONS; i++) {
            String month = String.format("2025-%02d", 1 + i % 12);
            rows.add(new PastCommissionRow("CMS-2025-R" + i, "2025年补录约稿第" + i + "条", "800字以内",
                    List.of("U006", "U037"), month + "-01 09:00", month + "-20 17:00", List.of(
                    new PastCommissionRow.Answer("U006", "ITEM-2025-R" + i, 1, month + "-10 10:00", true, null,
                            month + "-12 09:00"))));
        }
        return rows;
    }

    private Consumer<String, String> fromTheStart() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "import-crash-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        broker.consumeFromAnEmbeddedTopic(consumer, Topics.COMMISSIONS);
        return consumer;
    }
}
