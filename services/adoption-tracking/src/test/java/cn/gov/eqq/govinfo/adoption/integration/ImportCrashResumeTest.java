package cn.gov.eqq.govinfo.adoption.integration;

import cn.gov.eqq.govinfo.adoption.AdoptionTrackingApplication;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.replicas.TwoReplicas;
import org.apache.kafka.clients.consumer.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An adoption import whose replica is stopped in the middle of writing is finished by the other replica once the
 * stopped one's lease has run out: every line becomes exactly one record and one published event, and the batch
 * counts them all as its own.
 */
@EmbeddedKafka(partitions = 2, topics = {Topics.ITEMS, Topics.UNITS, Topics.ADOPTIONS,
        "adoption-tracking.dead-letter.v1"})
class ImportCrashResumeTest {

    private static final int ITEMS = 8;
    private static final int LINES_PER_ITEM = 50;
    private static final int ROWS = ITEMS * LINES_PER_ITEM;

    @Test
    @SuppressWarnings("unchecked")
    void anImportCutOffMidWriteIsFinishedByTheOtherReplicaEveryLineExactlyOnce() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> itemIds = IntStream.range(0, ITEMS).mapToObj(i -> "ITM-" + run + "-" + i).toList();
        try (TwoReplicas replicas = TwoReplicas.start(new Class<?>[]{AdoptionTrackingApplication.class},
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=" + MongoTestServer.uri("adoption-import-crash-" + UUID.randomUUID()),
                "--govinfo.kafka.topic-partitions=2",
                // parts of 20 lines with a pause after each: the write takes seconds, long enough to stop it halfway
                "--govinfo.adoption.imports.part-rows=20",
                "--govinfo.adoption.imports.part-pause=250ms",
                "--govinfo.adoption.imports.lease=2s",
                "--govinfo.adoption.imports.initial-delay=0s",
                "--govinfo.adoption.imports.poll-interval=200ms",
                "--logging.level.org.apache.kafka=WARN");
             Consumer<String, String> adoptions = adoptionsFromNow(broker)) {
            EventCodec codec = replicas.replica(0).getBean(EventCodec.class);
            for (String itemId : itemIds) {
                EventEnvelope<?> received = EventEnvelope.wrap(new ItemReceived(itemId, "U007", 1, "校园食品安全专项整治",
                        "DYNAMIC", List.of("产业发展"), false, "GOOD_NEWS", LocalDate.of(2026, 1, 4),
                        Instant.parse("2026-01-05T02:00:00Z"), Instant.parse("2026-01-06T02:00:00Z"), "room-editor",
                        null), "submission-intake", Instant.now());
                replicas.replica(0).getBean(KafkaTemplate.class).send(Topics.ITEMS, received.key(),
                        codec.encode(received)).join();
            }
            MongoTemplate watching = replicas.replica(0).getBean(MongoTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> itemIds.stream().allMatch(id -> {
                Document doc = watching.findById(id, Document.class, "items");
                return doc != null && doc.get("facts", Document.class).getBoolean("received", false);
            }));

            String batchId = replicas.replica(0).getBean(ImportingRecords.class)
                    .accept("history-2026.csv", file(itemIds), "room-editor").status().batch().batchId();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                Document b = watching.findById(batchId, Document.class, "imports");
                return "WRITING".equals(b.getString("state")) && b.getInteger("written", 0) >= 60;
            });
            String holder = watching.findById(batchId, Document.class, "imports").getString("claimedBy");
            int stopped = replicas.replica(0).getBean(ImportingRecords.class).work().worker().equals(holder) ? 0 : 1;
            ConfigurableApplicationContext survivor = replicas.replica(1 - stopped);
            MongoTemplate mongo = survivor.getBean(MongoTemplate.class);
            replicas.replica(stopped).close();
            Document cutOff = mongo.findById(batchId, Document.class, "imports");
            assertThat(cutOff.getInteger("written")).as("stopped halfway").isBetween(60, ROWS - 20);
            assertThat(cutOff.getString("state")).isEqualTo("WRITING");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "DONE".equals(mongo.findById(batchId, Document.class, "imports").getString("state")));

            Document done = mongo.findById(batchId, Document.class, "imports");
            assertThat(List.of(done.getInteger("rowCount"), done.getInteger("written"), done.getInteger("added"),
                    done.getInteger("alreadyPresent"), done.getInteger("waiting")))
                    .containsExactly(ROWS, ROWS, ROWS, 0, 0);
            assertThat(done.getString("claimedBy")).isNull();
            for (String itemId : itemIds) {
                assertThat(mongo.findById(itemId, Document.class, "items").getList("records", Document.class))
                        .as(itemId).hasSize(LINES_PER_ITEM);
            }

            // each record reaches the broker; one published twice (the stopped replica's relay died between the
            // broker's acknowledgement and its $pull) carries the same eventId, which consumers drop
            Set<String> eventIds = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                KafkaTestUtils.getRecords(adoptions, Duration.ofMillis(300)).forEach(r -> {
                    if (itemIds.contains(r.key())) {
                        EventEnvelope<?> e = codec.decode(r.value());
                        if (e.type().equals("AdoptionRecorded")) {
                            eventIds.add(e.eventId());
                        }
                    }
                });
                return eventIds.size() >= ROWS;
            });
            assertThat(eventIds).hasSize(ROWS);
        }
    }

    private static String file(List<String> itemIds) {
        StringBuilder csv = new StringBuilder("item_id,unit,title,kind,publication,issue_no,date,leader,text\n");
        for (int line = 0; line < LINES_PER_ITEM; line++) {
            for (String itemId : itemIds) {
                csv.append(itemId).append(",,,CITY_BULLETIN_ADOPTED,,2026年第").append(line + 1).append("期,")
                        .append(LocalDate.of(2026, 2, 1).plusDays(line)).append(",,\n");
            }
        }
        return csv.toString();
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
