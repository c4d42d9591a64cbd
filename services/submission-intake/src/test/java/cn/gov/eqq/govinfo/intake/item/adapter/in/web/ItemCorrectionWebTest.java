package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.item.ItemCorrected;
import cn.gov.eqq.govinfo.intake.item.application.PublishedCircularStore;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.intake.integration.TopicReader;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The room corrects a received item through the API: the unit reads what changed and why, the trail and the broker
 * carry the correction, bad corrections are refused in Chinese, and a published circular (heard on the circulars'
 * topic) ends the corrections of its period.
 */
class ItemCorrectionWebTest extends IntakeIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventCodec codec;
    @Autowired
    PublishedCircularStore publishedCirculars;

    private static final String TO_PROBLEM = """
            {"category": "PROBLEM", "topics": ["DEEPENING_REFORM", "LIVELIHOOD"],
             "reason": "反映的是企业用工难的问题并提出对策，应为问题信息"}""";

    @Test
    void roomCorrectsAReceivedItemAndTheUnitReadsWhatChangedAndWhy() throws Exception {
        String id = submitted("U006", goodNews("更正测试：我旗召开企业用工座谈会"));
        mvc.perform(post("/api/intake/items/{id}/receive", id).with(room())).andExpect(status().isOk());

        mvc.perform(post("/api/intake/items/{id}/correct", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(TO_PROBLEM))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classification.category").value("PROBLEM"))
                .andExpect(jsonPath("$.classification.categoryLabel").value("问题类"));

        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006")))
                .andExpect(jsonPath("$.classification.category").value("PROBLEM"))
                .andExpect(jsonPath("$.content.category").value("DYNAMIC")) // what the unit wrote stays as written
                .andExpect(jsonPath("$.corrections.length()").value(1))
                .andExpect(jsonPath("$.corrections[0].changes[0]").value("类别 由「动态类」改为「问题类」"))
                .andExpect(jsonPath("$.corrections[0].changes[1]").value("报送重点 由「深化改革」改为「深化改革、民生改善」"))
                .andExpect(jsonPath("$.corrections[0].reason").value("反映的是企业用工难的问题并提出对策，应为问题信息"))
                .andExpect(jsonPath("$.corrections[0].before.category").value("DYNAMIC"))
                .andExpect(jsonPath("$.corrections[0].after.category").value("PROBLEM"));

        String trail = mvc.perform(get("/api/intake/items/{id}/audit", id).with(room()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> lines = JsonPath.read(trail, "$[?(@.action == 'CORRECTED')]");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("reason")).isEqualTo("类别 由「动态类」改为「问题类」；报送重点 由「深化改革」改为「深化改革、民生改善」；"
                + "理由：反映的是企业用工难的问题并提出对策，应为问题信息");

        try (TopicReader reader = new TopicReader(broker, Topics.ITEMS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reader.withKey(id))
                    .extracting(r -> codec.decode(r.value()).type())
                    .containsExactly("ItemSubmitted", "ItemReceived", "ItemCorrected"));
            var envelope = codec.decode(reader.withKey(id).get(2).value());
            ItemCorrected e = (ItemCorrected) envelope.payload();
            assertThat(e.before()).isEqualTo(new ItemCorrected.Classification("DYNAMIC", false, false,
                    List.of("DEEPENING_REFORM")));
            assertThat(e.after()).isEqualTo(new ItemCorrected.Classification("PROBLEM", false, false,
                    List.of("DEEPENING_REFORM", "LIVELIHOOD")));
            assertThat(e.reason()).isEqualTo("反映的是企业用工难的问题并提出对策，应为问题信息");
            assertThat(e.correctedBy()).isEqualTo("room-editor");
            assertThat(e.unitId()).isEqualTo("U006");
            assertThat(e.revision()).isEqualTo(1);
            // the same fields as the golden contract file
            assertThat(codec.tree(reader.withKey(id).get(2).value()).path("payload").propertyNames())
                    .containsExactlyInAnyOrderElementsOf(codec.tree(TopicReader.golden(Topics.ITEMS, "ItemCorrected"))
                            .path("payload").propertyNames());
        }
    }

    @Test
    void roomCorrectsWhileReceivingInOneWrite() throws Exception {
        String id = submitted("U007", goodNews("更正测试：接收时更正为重大紧急"));

        mvc.perform(post("/api/intake/items/{id}/receive", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"correction\": {\"majorEmergency\": true, \"reason\": \"属突发事件，应为重大紧急类\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.classification.majorEmergency").value(true))
                .andExpect(jsonPath("$.classification.category").value("DYNAMIC"))
                .andExpect(jsonPath("$.corrections[0].changes[0]").value("重大紧急 由「否」改为「是」"));

        try (TopicReader reader = new TopicReader(broker, Topics.ITEMS)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reader.withKey(id))
                    .extracting(r -> codec.decode(r.value()).type())
                    .containsExactly("ItemSubmitted", "ItemReceived", "ItemCorrected"));
        }
    }

    @Test
    void badCorrectionsAreRefusedInChinese() throws Exception {
        String submittedOnly = submitted("U008", goodNews("更正测试：尚未接收"));
        mvc.perform(post("/api/intake/items/{id}/correct", submittedOnly).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(TO_PROBLEM))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("item.not-correctable"))
                .andExpect(jsonPath("$.detail").value("只能更正已接收的信息（当前状态：已报送）"));

        String id = submitted("U008", goodNews("更正测试：错误的更正"));
        mvc.perform(post("/api/intake/items/{id}/receive", id).with(room())).andExpect(status().isOk());
        mvc.perform(post("/api/intake/items/{id}/correct", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"category\": \"PROBLEM\", \"reason\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("item.reason-required"))
                .andExpect(jsonPath("$.detail").value("更正时必须填写理由"));
        mvc.perform(post("/api/intake/items/{id}/correct", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"category\": \"DYNAMIC\", \"reason\": \"核对\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("item.correction-unchanged"));
        mvc.perform(post("/api/intake/items/{id}/correct", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"category\": \"GOSSIP\", \"reason\": \"核对\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("category"))
                .andExpect(jsonPath("$.errors[0].message").value("类型或格式不正确"));
        mvc.perform(post("/api/intake/items/{id}/correct", id).with(reporter("U008"))
                        .contentType(MediaType.APPLICATION_JSON).content(TO_PROBLEM))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/intake/items/{id}", id).with(room()))
                .andExpect(jsonPath("$.corrections.length()").value(0));
    }

    @Test
    void noCorrectionOnceTheCircularOfTheItemsQuarterIsPublished() throws Exception {
        String file = "unit_id,title,category,submitted_at,outcome,decided_at,forwarded_at,major_emergency,topics,"
                + "void_reason,body\n"
                + "U006,更正测试：2023年二季度信息,DYNAMIC,2023-05-06 10:00,RECEIVED,2023-05-07 10:00,,否,,,\n"
                + "U006,更正测试：2023年三季度信息,DYNAMIC,2023-08-06 10:00,RECEIVED,2023-08-07 10:00,,否,,,\n";
        assertThat(JsonPath.<Integer>read(importHistory("history-2023.csv", file), "$.added")).isEqualTo(2);
        String listing = mvc.perform(get("/api/intake/items").param("q", "更正测试：2023年").param("status", "RECEIVED")
                .with(room())).andReturn().getResponse().getContentAsString();
        String q2 = ((List<String>) JsonPath.read(listing, "$.items[?(@.content.title =~ /.*二季度.*/)].id")).get(0);
        String q3 = ((List<String>) JsonPath.read(listing, "$.items[?(@.content.title =~ /.*三季度.*/)].id")).get(0);

        publishCircular("QUARTERLY-2023-Q2", "2023-Q2", "关于2023年第二季度全旗政务信息工作情况的通报", "鄂前政办信〔2023〕3号");

        // intake has heard of it (a correction tried earlier would simply have been accepted)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedCirculars.covering(List.of("2023-Q2", "2023")).isPresent());

        mvc.perform(post("/api/intake/items/{id}/correct", q2).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(TO_PROBLEM))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("item.period-published"))
                .andExpect(jsonPath("$.detail").value("该信息所属期间的《关于2023年第二季度全旗政务信息工作情况的通报》"
                        + "（鄂前政办信〔2023〕3号）已发布，不能再更正"));
        mvc.perform(get("/api/intake/items/{id}", q2).with(room()))
                .andExpect(jsonPath("$.corrections.length()").value(0));
        // the next quarter has no circular yet
        mvc.perform(post("/api/intake/items/{id}/correct", q3).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(TO_PROBLEM))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classification.category").value("PROBLEM"));
    }

    /** Reporting's golden publication, re-dated to the given series and period. */
    private void publishCircular(String seriesId, String period, String title, String documentNumber)
            throws Exception {
        String golden;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "golden/" + Topics.CIRCULARS + "/cn.gov.eqq.govinfo.circular.published.v1.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String json = golden.replace("QUARTERLY-2026-Q3", seriesId).replace("\"2026-Q3\"", "\"" + period + "\"")
                .replace("关于2026年第三季度全旗政务信息工作情况的通报", title).replace("鄂前政办信〔2026〕7号", documentNumber);
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CIRCULARS, seriesId, json)).get();
        }
    }
}
