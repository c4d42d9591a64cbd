package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A year of a county's history, 10,000 rows, uploaded once: accepted at once, checked and written in the background
 * with its progress readable meanwhile. Prints how long it took (upload → accepted, upload → DONE); the figure is reported in docs/services/submission-intake.md, not asserted (it depends on the machine).
 */
class HistoryImportScaleTest extends IntakeIntegrationTest {

    private static final int ROWS = 10_000;

    @Autowired
    MongoTemplate mongo;

    @Test
    void tenThousandRowsAreAcceptedAtOnceAndLandWholeInTheBackground() throws Exception {
        StringBuilder csv = new StringBuilder("unit,title,category,submitted_at,outcome,decided_at,forwarded_at,"
                + "major_emergency,topics,void_reason,body\n");
        for (int i = 0; i < ROWS; i++) {
            int unit = 1 + i % 52;
            int month = 1 + (i / 52) % 12;
            String mm = (month < 10 ? "0" : "") + month;
            csv.append(String.format("U%03d", unit)).append(",规模测试：2024年").append(month).append("月第").append(i)
                    .append("条信息,").append(i % 7 == 0 ? "PROBLEM" : "DYNAMIC").append(",2024-").append(mm)
                    .append("-").append(String.format("%02d", 1 + i % 28)).append(" 10:00,")
                    .append(i % 25 == 0 ? "VOIDED" : "RECEIVED").append(",2024-").append(mm).append("-")
                    .append(String.format("%02d", 1 + i % 28)).append(" 16:00,,否,乡村振兴,")
                    .append(i % 25 == 0 ? "与其他单位信息重复" : "").append(",本月工作进展情况……\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        String location = mvc.perform(multipart("/api/intake/imports")
                        .file(new MockMultipartFile("file", "history-2024.csv", "text/csv", file)).with(room()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        long acceptedMs = (System.nanoTime() - start) / 1_000_000;
        Set<String> seen = new LinkedHashSet<>();
        String[] last = new String[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = mvc.perform(get(location).with(room())).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            seen.add(JsonPath.read(last[0], "$.state") + " " + JsonPath.read(last[0], "$.checked") + "/"
                    + JsonPath.read(last[0], "$.written"));
            return "DONE".equals(JsonPath.read(last[0], "$.state"));
        });
        long doneMs = (System.nanoTime() - start) / 1_000_000;
        String batchId = JsonPath.read(last[0], "$.batchId");

        assertThat(List.of(JsonPath.<Integer>read(last[0], "$.rows"), JsonPath.<Integer>read(last[0], "$.written"),
                JsonPath.<Integer>read(last[0], "$.added"))).containsExactly(ROWS, ROWS, ROWS);
        assertThat(mongo.count(new Query(Criteria.where("importBatch").is(batchId)), "items")).isEqualTo(ROWS);
        List<String> progress = new ArrayList<>(seen);
        System.out.printf("[import-scale] %d rows (%d KB): accepted in %d ms, DONE after %d ms; states seen while "
                + "polling: %s%n", ROWS, file.length / 1024, acceptedMs, doneMs, progress);
    }
}
