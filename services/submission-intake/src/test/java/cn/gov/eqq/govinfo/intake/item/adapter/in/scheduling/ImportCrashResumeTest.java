package cn.gov.eqq.govinfo.intake.item.adapter.in.scheduling;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.intake.IntakeApplication;
import cn.gov.eqq.govinfo.intake.integration.TopicReader;
import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.replicas.TwoReplicas;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A history import whose replica is stopped in the middle of writing is finished by the other replica once the
 * stopped one's lease has run out: every row lands exactly once, and the batch counts them as its own.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.CIRCULARS)
class ImportCrashResumeTest {

    private static final int ROWS = 1000;

    @Test
    void anImportCutOffMidWriteIsFinishedByTheOtherReplicaEveryRowExactlyOnce() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        try (TwoReplicas replicas = TwoReplicas.start(new Class<?>[]{IntakeApplication.class},
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=" + MongoTestServer.uri("intake-import-crash-" + UUID.randomUUID()),
                "--govinfo.kafka.topic-partitions=1",
                "--server.address=127.0.0.1",
                // parts of 100 rows with a pause after each: the write takes seconds, long enough to stop it halfway
                "--govinfo.intake.imports.part-rows=100",
                "--govinfo.intake.imports.part-pause=250ms",
                "--govinfo.intake.imports.lease=2s",
                "--govinfo.intake.imports.initial-delay=0s",
                "--govinfo.intake.imports.poll-interval=200ms",
                "--logging.level.org.apache.kafka=WARN");
             TopicReader items = new TopicReader(broker, Topics.ITEMS)) {
            MongoTemplate watching = replicas.replica(0).getBean(MongoTemplate.class);
            String batchId = replicas.replica(0).getBean(HistoryImport.class).accept(
                    new Actor("room-editor", "信息室编辑", null, Set.of(Role.INFO_ROOM)),
                    new HistoryImport.ImportPastRecords("history-2024.csv", file(), "127.0.0.1")).batch().id();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                Document b = watching.findById(batchId, Document.class, "imports");
                return "WRITING".equals(b.getString("state")) && b.getInteger("written", 0) >= 200;
            });
            String holder = watching.findById(batchId, Document.class, "imports").getString("claimedBy");
            int stopped = replicas.replica(0).getBean(HistoryImport.class).work().worker().equals(holder) ? 0 : 1;
            ConfigurableApplicationContext survivor = replicas.replica(1 - stopped);
            MongoTemplate mongo = survivor.getBean(MongoTemplate.class);
            replicas.replica(stopped).close();
            Document cutOff = mongo.findById(batchId, Document.class, "imports");
            assertThat(cutOff.getInteger("written")).as("stopped halfway").isBetween(200, ROWS - 100);
            assertThat(cutOff.getString("state")).isEqualTo("WRITING");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "DONE".equals(mongo.findById(batchId, Document.class, "imports").getString("state")));

            Document done = mongo.findById(batchId, Document.class, "imports");
            assertThat(List.of(done.getInteger("rows"), done.getInteger("written"), done.getInteger("added"),
                    done.getInteger("alreadyPresent"))).containsExactly(ROWS, ROWS, ROWS, 0);
            List<Document> imported = mongo.find(new Query(Criteria.where("importBatch").is(batchId)), Document.class, "items");
            assertThat(imported).hasSize(ROWS);
            assertThat(imported).allSatisfy(d -> assertThat(d.getList("audit", Document.class))
                    .extracting(a -> a.getString("action")).containsExactly("IMPORTED_SUBMITTED", "IMPORTED_RECEIVED"));
            Set<String> ids = imported.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());

            // each item's submission reaches the broker; a record published twice (the stopped replica's relay died
            // between the broker's acknowledgement and its $pull) carries the same eventId, which consumers drop
            EventCodec codec = survivor.getBean(EventCodec.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(items.poll().stream()
                    .filter(r -> ids.contains(r.key())).map(r -> codec.decode(r.value()))
                    .filter(e -> e.type().equals("ItemSubmitted")).map(EventEnvelope::key).distinct().count())
                    .isEqualTo(ROWS));
            assertThat(items.poll().stream().filter(r -> ids.contains(r.key())).map(r -> codec.decode(r.value()))
                    .filter(e -> e.type().equals("ItemSubmitted")).map(EventEnvelope::eventId).distinct().count())
                    .as("one submission event per item").isEqualTo(ROWS);
        }
    }

    private static byte[] file() {
        StringBuilder csv = new StringBuilder("unit,title,category,submitted_at,outcome,decided_at\n");
        for (int i = 0; i < ROWS; i++) {
            int month = 1 + i % 12;
            csv.append(i % 2 == 0 ? "U006" : "城川镇").append(",2024年补录第").append(i).append("条,BRIEF,2024-")
                    .append(month < 10 ? "0" : "").append(month).append("-10 09:30,RECEIVED,2024-")
                    .append(month < 10 ? "0" : "").append(month).append("-11 10:00\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
