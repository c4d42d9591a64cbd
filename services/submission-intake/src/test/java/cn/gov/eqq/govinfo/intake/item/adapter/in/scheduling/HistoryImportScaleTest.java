package cn.gov.eqq.govinfo.intake.item.adapter.in.scheduling;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.intake.IntakeApplication;
import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import cn.gov.eqq.govinfo.intake.item.application.ImportStore;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A year of a county's history, 10,000 rows, uploaded once: accepted at once, checked and written in the background
 * with its progress readable meanwhile. Runs the service on a database of its own (its 25,000-odd events would hold
 * up the outbox of the shared test context). Prints how long it took (upload → accepted, upload → DONE); the figure
 * is reported in docs/services/submission-intake.md, not asserted (it depends on the machine).
 */
@EmbeddedKafka(partitions = 1, topics = Topics.CIRCULARS)
class HistoryImportScaleTest {

    private static final int ROWS = 10_000;

    @Test
    void tenThousandRowsAreAcceptedAtOnceAndLandWholeInTheBackground() {
        StringBuilder csv = new StringBuilder("unit,title,category,submitted_at,outcome,decided_at,forwarded_at,"
                + "major_emergency,topics,void_reason,body\n");
        for (int i = 0; i < ROWS; i++) {
            int month = 1 + (i / 52) % 12;
            String mm = (month < 10 ? "0" : "") + month;
            String day = String.format("%02d", 1 + i % 28);
            csv.append(String.format("U%03d", 1 + i % 52)).append(",规模测试：2024年").append(month).append("月第")
                    .append(i).append("条信息,").append(i % 7 == 0 ? "PROBLEM" : "DYNAMIC").append(",2024-").append(mm)
                    .append("-").append(day).append(" 10:00,").append(i % 25 == 0 ? "VOIDED" : "RECEIVED")
                    .append(",2024-").append(mm).append("-").append(day).append(" 16:00,,否,乡村振兴,")
                    .append(i % 25 == 0 ? "与其他单位信息重复" : "").append(",本月工作进展情况……\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        Actor room = new Actor("room-editor", "信息室编辑", null, Set.of(Role.INFO_ROOM));

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IntakeApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
                "--spring.mongodb.uri=" + MongoTestServer.uri("intake-import-scale-" + UUID.randomUUID()),
                "--govinfo.kafka.topic-partitions=1", "--server.address=127.0.0.1", "--server.port=0",
                "--logging.level.org.apache.kafka=WARN")) {
            HistoryImport imports = service.getBean(HistoryImport.class);
            long start = System.nanoTime();
            String batchId = imports.accept(room, new HistoryImport.ImportPastRecords("history-2024.csv", file,
                    "127.0.0.1")).batch().id();
            long acceptedMs = (System.nanoTime() - start) / 1_000_000;
            Set<String> seen = new LinkedHashSet<>();
            ImportStore.Batch[] last = new ImportStore.Batch[1];
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                last[0] = imports.status(room, batchId);
                seen.add(last[0].state() + " " + last[0].checked() + "/" + last[0].written());
                return last[0].done();
            });
            long doneMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(List.of(last[0].rows(), last[0].written(), last[0].added())).containsExactly(ROWS, ROWS, ROWS);
            assertThat(service.getBean(MongoTemplate.class)
                    .count(new Query(Criteria.where("importBatch").is(batchId)), "items")).isEqualTo(ROWS);
            System.out.printf("[import-scale] %d rows (%d KB): accepted in %d ms, DONE after %d ms; states seen while "
                    + "polling: %s%n", ROWS, file.length / 1024, acceptedMs, doneMs, new ArrayList<>(seen));
        }
    }
}
