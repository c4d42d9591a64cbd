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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing earlier years in the background: all-or-nothing, idempotent, units by name or id and only in months they
 * were members, and the imported items reach the broker like live ones.
 */
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

        String done = importHistory("history-2025.csv", file);
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("DONE");
        assertThat(JsonPath.<String>read(done, "$.stateLabel")).isEqualTo("已完成");
        assertThat(List.of(JsonPath.<Integer>read(done, "$.rows"), JsonPath.<Integer>read(done, "$.checked"),
                JsonPath.<Integer>read(done, "$.written"), JsonPath.<Integer>read(done, "$.added"),
                JsonPath.<Integer>read(done, "$.alreadyPresent"))).containsExactly(2, 2, 2, 2, 0);
        String batchId = JsonPath.read(done, "$.batchId");

        // the same file again: its batch, marked as a repeated file, nothing queued
        mvc.perform(multipart("/api/intake/imports").file(csv(file)).with(room()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/intake/imports/" + batchId))
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.repeatedFile").value(true));
        // the same records inside another file add nothing either
        String again = importHistory("history-2025-copy.csv", file + "\n");
        assertThat(List.of(JsonPath.<Integer>read(again, "$.added"), JsonPath.<Integer>read(again, "$.alreadyPresent")))
                .containsExactly(0, 2);

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

        String failed = importHistory("bad.csv", file);
        assertThat(JsonPath.<String>read(failed, "$.state")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(failed, "$.stateLabel")).isEqualTo("有错误，未导入");
        assertThat(List.of(JsonPath.<Integer>read(failed, "$.checked"), JsonPath.<Integer>read(failed, "$.errorCount"),
                JsonPath.<Integer>read(failed, "$.written"))).containsExactly(2, 1, 0);
        assertThat(JsonPath.<String>read(failed, "$.errors[0].field")).isEqualTo("第3行.submitted_at");
        assertThat(JsonPath.<Integer>read(failed, "$.errors[0].row")).isEqualTo(3);
        assertThat(JsonPath.<String>read(failed, "$.errors[0].message"))
                .isEqualTo("第3行「报送时间」：「2025-13-05」不是有效时间，应为 2025-03-05 或 2025-03-05 10:30（北京时间）");
        mvc.perform(get("/api/intake/items").param("q", "坏文件中的").param("status", "RECEIVED").with(room()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void unitsAreNamedByNameOrIdAndARowOfAMonthBeforeTheUnitJoinedFailsTheFile() throws Exception {
        mvc.perform(post("/api/intake/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"U9301\",\"name\":\"补录测试新设中心\",\"group\":2,\"fromMonth\":\"2025-10\"}"))
                .andExpect(status().isCreated());
        String early = "unit,title,category,submitted_at,outcome\n"
                + "补录测试新设中心,补录测试：成立前的信息,BRIEF,2025-09-12 10:00,RECEIVED\n"
                + "补录测试新设中心,补录测试：成立当月的信息,BRIEF,2025-10-12 10:00,RECEIVED\n";

        String failed = importHistory("named-early.csv", early);
        assertThat(JsonPath.<String>read(failed, "$.state")).isEqualTo("FAILED");
        assertThat(JsonPath.<List<String>>read(failed, "$.errors[*].message")).containsExactly(
                "第2行「单位」：单位「补录测试新设中心」（U9301）2025年9月不是任何分组的成员（成员期间：2025年10月起），不能导入该月报送的信息");
        assertThat(JsonPath.<String>read(failed, "$.errors[0].field")).isEqualTo("第2行.unit");

        String named = "unit,title,category,submitted_at,outcome\n"
                + "补录测试新设中心,补录测试：成立当月的信息,BRIEF,2025-10-12 10:00,RECEIVED\n"
                + "城川镇,补录测试：城川镇的信息,BRIEF,2025-10-13 10:00,RECEIVED\n";
        assertThat(JsonPath.<String>read(importHistory("named.csv", named), "$.state")).isEqualTo("DONE");
        mvc.perform(get("/api/intake/items").param("q", "补录测试：").param("status", "RECEIVED").with(room()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].unitId", containsInAnyOrder("U9301", "U003")));
    }

    @Test
    void anUnknownBatchIsNotFound() throws Exception {
        mvc.perform(get("/api/intake/imports/{id}", "BATCH-none").with(room()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("导入批次 BATCH-none 不存在"));
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
