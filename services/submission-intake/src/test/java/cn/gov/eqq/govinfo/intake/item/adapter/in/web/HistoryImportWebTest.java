package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.intake.integration.TopicReader;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Importing earlier years: all-or-nothing, idempotent, and the imported items reach the broker like live ones. */
class HistoryImportWebTest extends IntakeIntegrationTest {

    private static final String HEADER = "unit_id,title,category,submitted_at,outcome,decided_at,forwarded_at,"
            + "major_emergency,topics,void_reason,body\n";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventCodec codec;

    private static MockMultipartFile csv(String content) {
        return new MockMultipartFile("file", "history-2025.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goodFileIsImportedOnceAndFlowsToTheBrokerWithItsRealTimes() throws Exception {
        String file = HEADER
                + "U006,2025年历史导入：发改委项目推进,DYNAMIC,2025-09-30 23:50,RECEIVED,2025-10-08 09:00,2025-10-09,否,重大项目推进,,\n"
                + "U050,2025年历史导入：乡村振兴调研,RESEARCH_REPORT,2025-05-06 10:00,VOIDED,2025-05-07 10:00,,否,,内容与往期重复,\n";

        String body = mvc.perform(multipart("/api/intake/imports").file(csv(file)).with(room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.added").value(2))
                .andReturn().getResponse().getContentAsString();
        String batchId = JsonPath.read(body, "$.batchId");

        mvc.perform(multipart("/api/intake/imports").file(csv(file)).with(room()))
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.repeatedFile").value(true));
        // the same records inside another file add nothing either
        mvc.perform(multipart("/api/intake/imports").file(csv(file + "\n")).with(room()))
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.alreadyPresent").value(2));

        String listing = mvc.perform(get("/api/intake/items").param("q", "2025年历史导入").param("status", "RECEIVED", "VOIDED")
                        .with(room()))
                .andExpect(jsonPath("$.total").value(2))
                .andReturn().getResponse().getContentAsString();
        String received = ((List<String>) JsonPath.read(listing, "$.items[?(@.unitId == 'U006')].id")).get(0);
        String voided = ((List<String>) JsonPath.read(listing, "$.items[?(@.unitId == 'U050')].id")).get(0);

        try (TopicReader reader = new TopicReader(broker, Topics.ITEMS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(reader.withKey(received)).extracting(r -> codec.decode(r.value()).type())
                        .containsExactly("ItemSubmitted", "ItemReceived", "ItemForwardedToCity");
                assertThat(reader.withKey(voided)).extracting(r -> codec.decode(r.value()).type())
                        .containsExactly("ItemSubmitted", "ItemVoided");
            });
            List<ConsumerRecord<String, String>> records = reader.withKey(received);
            ItemReceived r = (ItemReceived) codec.decode(records.get(1).value()).payload();
            assertThat(r.submittedAt()).as("counts in September (Beijing)").isEqualTo(Instant.parse("2025-09-30T15:50:00Z"));
            assertThat(r.receivedAt()).isEqualTo(Instant.parse("2025-10-08T01:00:00Z"));
            assertThat(r.topics()).containsExactly("MAJOR_PROJECTS");
            ItemForwardedToCity f = (ItemForwardedToCity) codec.decode(records.get(2).value()).payload();
            assertThat(f.forwardedAt()).isEqualTo(Instant.parse("2025-10-08T16:00:00Z"));
        }

        mvc.perform(get("/api/intake/imports").with(room()))
                .andExpect(jsonPath("$[*].batchId", hasItem(batchId)));
    }

    @Test
    void fileWithOneBadRowImportsNothingAndNamesRowAndColumn() throws Exception {
        String file = HEADER
                + "U006,坏文件中的好行,BRIEF,2025-03-05,RECEIVED,,,,,,\n"
                + "U006,坏文件中的坏行,BRIEF,2025-13-05,RECEIVED,,,,,,\n";

        mvc.perform(multipart("/api/intake/imports").file(csv(file)).with(room()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("import.invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("第3行.submitted_at"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("第3行「报送时间」：「2025-13-05」不是有效时间，应为 2025-03-05 或 2025-03-05 10:30（北京时间）"));
        mvc.perform(get("/api/intake/items").param("q", "坏文件中的").param("status", "RECEIVED").with(room()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void onlyTheRoomImports() throws Exception {
        mvc.perform(multipart("/api/intake/imports").file(csv(HEADER)).with(reporter("U006")))
                .andExpect(status().isForbidden());
    }

    @Test
    void templateIsOffered() throws Exception {
        mvc.perform(get("/api/intake/imports/template").with(room())).andExpect(status().isOk());
    }
}
