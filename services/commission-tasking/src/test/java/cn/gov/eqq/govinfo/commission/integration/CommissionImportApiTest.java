package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.tasking.application.PastCommissionFile;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswered;
import cn.gov.eqq.govinfo.contracts.commission.CommissionIssued;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.admin;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.reporter;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Import (补录) of past commissions through the public API, answered 202 and done in the background: a past
 * deadline is taken, the answers and judgements come out on the commission topic at their real times (so scoring
 * gives the +10 for past months), a bad import fails whole with every bad entry in Chinese, a CSV file made from
 * the template imports the same way, and only the room or an administrator may import.
 */
class CommissionImportApiTest extends CommissionAppTestBase {

    private static final String MARCH = """
            {"commissions": [{
              "id": "CMS-2026-IMP1", "title": "一季度乡村振兴典型做法", "requirements": "800字以内，附典型案例",
              "targetUnitIds": ["U006", "U037"], "issuedAt": "2026-03-01 09:00", "deadline": "2026-03-31 17:00",
              "answers": [
                {"unitId": "U006", "itemId": "ITEM-IMP-1", "answeredAt": "2026-03-31 17:00:30", "accepted": true,
                 "judgedAt": "2026-04-02 09:00"},
                {"unitId": "U037", "itemId": "ITEM-IMP-2", "revision": 2, "answeredAt": "2026-04-01 08:00",
                 "accepted": false, "reason": "逾期且未附案例", "judgedAt": "2026-04-02 09:30"}]}]}
            """;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventCodec codec;

    @BeforeEach
    void noEarlierImports() {
        mongo.remove(new Query(), "commission_imports");
    }

    /** Polls the batch until it is finished (DONE or FAILED) and answers it. */
    private JsonNode finished(String location) {
        JsonNode[] batch = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            batch[0] = json(mvc.perform(get(location).with(room())).andExpect(status().isOk()).andReturn());
            return List.of("DONE", "FAILED").contains(batch[0].get("state").asString());
        });
        return batch[0];
    }

    private static JsonNode json(MvcResult result) throws Exception {
        return JsonMapper.builder().build().readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aPastCommissionWithAnswersAndJudgementsIsImportedInTheBackgroundAndToldOnTheTopicAtItsRealTimes()
            throws Exception {
        MvcResult sent = mvc.perform(post("/api/commission/imports").with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(MARCH))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.rows").value(1))
                .andExpect(jsonPath("$.repeatedFile").value(false))
                .andReturn();
        String location = sent.getResponse().getHeader("Location");
        assertThat(location).isEqualTo("/api/commission/imports/" + json(sent).get("batchId").asString());

        JsonNode done = finished(location);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("stateLabel").asString()).isEqualTo("已完成");
        assertThat(List.of(done.get("rows").asInt(), done.get("checked").asInt(), done.get("written").asInt(),
                done.get("added").asInt(), done.get("alreadyPresent").asInt(), done.get("errorCount").asInt()))
                .containsExactly(1, 1, 1, 1, 0, 0);
        assertThat(done.get("commissionIds").get(0).asString()).isEqualTo("CMS-2026-IMP1");
        assertThat(done.get("importedBy").asString()).isEqualTo("room-editor");

        mvc.perform(get("/api/commission/commissions/CMS-2026-IMP1").with(room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("一季度乡村振兴典型做法"));

        List<Object> told = readCommissionEvents("CMS-2026-IMP1", 5);
        Instant deadline = Instant.parse("2026-03-31T09:00:59.999999999Z");
        assertThat(told).containsExactly(
                new CommissionIssued("CMS-2026-IMP1", "一季度乡村振兴典型做法", "800字以内，附典型案例",
                        List.of("U006", "U037"), deadline, "room-editor", Instant.parse("2026-03-01T01:00:00Z")),
                new CommissionAnswered("CMS-2026-IMP1", "U006", "ITEM-IMP-1", 1,
                        Instant.parse("2026-03-31T09:00:30Z"), deadline, true),
                new CommissionAnswerJudged("CMS-2026-IMP1", "U006", "ITEM-IMP-1",
                        Instant.parse("2026-03-31T09:00:30Z"), deadline, true, null, "room-editor",
                        Instant.parse("2026-04-02T01:00:00Z")),
                new CommissionAnswered("CMS-2026-IMP1", "U037", "ITEM-IMP-2", 2,
                        Instant.parse("2026-04-01T00:00:00Z"), deadline, false),
                new CommissionAnswerJudged("CMS-2026-IMP1", "U037", "ITEM-IMP-2",
                        Instant.parse("2026-04-01T00:00:00Z"), deadline, false, "逾期且未附案例", "room-editor",
                        Instant.parse("2026-04-02T01:30:00Z")));

        // the same import again: the same batch, a repeat, nothing added
        mvc.perform(post("/api/commission/imports").with(admin()).contentType(MediaType.APPLICATION_JSON).content(MARCH))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", location))
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.added").value(1))
                .andExpect(jsonPath("$.repeatedFile").value(true));
        mvc.perform(get("/api/commission/imports").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].done").value(true))
                .andExpect(jsonPath("$[0].state").value("DONE"));
        assertThat(mongo.count(new Query(), "commissions")).isEqualTo(1);
    }

    @Test
    void aBadImportFailsWholeWithEveryBadEntryInChineseAndWritesNothing() throws Exception {
        String bad = """
                {"commissions": [
                  {"title": "营商环境", "requirements": "500字", "targetUnitIds": ["U006"],
                   "issuedAt": "2026-05-01 09:00", "deadline": "2026-05-20 18:00", "answers": []},
                  {"title": "", "requirements": "500字", "targetUnitIds": ["U099"],
                   "issuedAt": "2026-05-01 09:00", "deadline": "5月20日",
                   "answers": [{"unitId": "U006", "itemId": "ITEM-X", "answeredAt": "2026-05-10 09:00",
                                "accepted": false, "judgedAt": "2026-05-11 09:00"}]}]}
                """;
        MvcResult sent = mvc.perform(post("/api/commission/imports").with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isAccepted()).andReturn();

        JsonNode failed = finished(sent.getResponse().getHeader("Location"));
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("stateLabel").asString()).isEqualTo("有错误，未导入");
        assertThat(failed.get("errorCount").asInt()).isEqualTo(5);
        assertThat(failed.get("errors").valueStream().map(e -> e.get("field").asString()).toList()).containsExactly(
                "第2条约稿.title", "第2条约稿.targetUnitIds", "第2条约稿.deadline", "第2条约稿.答复第1条.unitId",
                "第2条约稿.答复第1条.reason");
        assertThat(failed.get("errors").get(1).get("message").asString()).isEqualTo("约稿单位不存在：U099");
        assertThat(List.of(failed.get("errors").get(1).get("row").asInt(),
                failed.get("errors").get(1).get("column").asString())).containsExactly(2, "targetUnitIds");
        assertThat(mongo.count(new Query(), "commissions")).isZero();
    }

    @Test
    void anEmptyImportIsRefusedAtOnce() throws Exception {
        mvc.perform(post("/api/commission/imports").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commissions\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("import.empty"));
        assertThat(mongo.count(new Query(), "commission_imports")).isZero();
    }

    @Test
    void aCsvFileMadeFromTheTemplateIsImportedAndItsErrorsToldByLineAndColumn() throws Exception {
        byte[] template = mvc.perform(get("/api/commission/imports/template").with(room()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(template, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF约稿编号,约稿标题,约稿要求,约稿单位,下达时间,截止时间,答复单位");

        MvcResult sent = mvc.perform(multipart("/api/commission/imports")
                        .file(new MockMultipartFile("file", "约稿补录.csv", "text/csv", template)).with(room()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.fileName").value("约稿补录.csv"))
                .andReturn();
        JsonNode done = finished(sent.getResponse().getHeader("Location"));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(List.of(done.get("rows").asInt(), done.get("added").asInt())).containsExactly(1, 1);
        mvc.perform(get("/api/commission/commissions/" + done.get("commissionIds").get(0).asString()).with(room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("一季度乡村振兴典型做法"))
                .andExpect(jsonPath("$.targets[*].unitId").value(org.hamcrest.Matchers.contains("U006", "U037")))
                .andExpect(jsonPath("$.targets[1].answers[0].revision").value(2));

        String bad = PastCommissionFile.TEMPLATE.lines().findFirst().orElseThrow() + "\n"
                + ",营商环境,500字,U006；U099,2026-05-01 09:00,2026-05-20 18:00,,,,,,,\n"
                + ",一季度约稿,500字,U006,2026-03-01 09:00,2026-03-20 18:00,U006,ITEM-Y,1,2026-03-10 09:00,也许,,\n";
        MvcResult refused = mvc.perform(multipart("/api/commission/imports")
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(room()))
                .andExpect(status().isAccepted()).andReturn();
        JsonNode failed = finished(refused.getResponse().getHeader("Location"));
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("errors").valueStream().map(e -> e.get("row").asInt() + " " + e.get("column").asString()
                + " " + e.get("field").asString() + " " + e.get("message").asString()).toList()).containsExactly(
                "3 是否采纳 第3行.是否采纳 是否采纳“也许”无法识别，请填“是”或“否”，未审核的留空",
                "2 约稿单位 第2行.约稿单位 约稿单位不存在：U099");
    }

    @Test
    void onlyTheRoomOrAnAdministratorMayImportOrReadTheBatches() throws Exception {
        mvc.perform(post("/api/commission/imports").with(reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content(MARCH))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/commission/imports").with(reporter("U006"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/commission/imports/CIMP-X").with(reporter("U006"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/commission/imports/CIMP-X").with(room())).andExpect(status().isNotFound());
        assertThat(mongo.count(new Query(), "commissions")).isZero();
        assertThat(mongo.count(new Query(), "commission_imports")).isZero();
    }

    private List<Object> readCommissionEvents(String commissionId, int expected) {
        List<Object> mine = new ArrayList<>();
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "import-reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.COMMISSIONS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> {
                    if (commissionId.equals(r.key())) {
                        mine.add(codec.decode(r.value()).payload());
                    }
                });
                assertThat(mine).hasSizeGreaterThanOrEqualTo(expected);
            });
        }
        return mine;
    }
}
