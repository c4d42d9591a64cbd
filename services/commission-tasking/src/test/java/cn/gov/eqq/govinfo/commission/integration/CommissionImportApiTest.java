package cn.gov.eqq.govinfo.commission.integration;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Import (补录) of past commissions through the public API: a past deadline is taken, the answers and judgements
 * come out on the commission topic at their real times (so scoring gives the +10 for past months), a bad import is
 * refused whole with every bad entry in Chinese, and only the room or an administrator may import.
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

    @Test
    void aPastCommissionWithAnswersAndJudgementsIsImportedAndToldOnTheTopicAtItsRealTimes() throws Exception {
        mvc.perform(post("/api/commission/imports").with(room()).contentType(MediaType.APPLICATION_JSON).content(MARCH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commissions").value(1))
                .andExpect(jsonPath("$.added").value(1))
                .andExpect(jsonPath("$.repeated").value(false))
                .andExpect(jsonPath("$.commissionIds[0]").value("CMS-2026-IMP1"));

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

        // the same import again: a repeat, nothing added
        mvc.perform(post("/api/commission/imports").with(admin()).contentType(MediaType.APPLICATION_JSON).content(MARCH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.alreadyPresent").value(1))
                .andExpect(jsonPath("$.repeated").value(true));
        mvc.perform(get("/api/commission/imports").with(room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].done").value(true));
    }

    @Test
    void aBadImportIsRefusedWholeWithEveryBadEntryInChinese() throws Exception {
        String bad = """
                {"commissions": [
                  {"title": "营商环境", "requirements": "500字", "targetUnitIds": ["U006"],
                   "issuedAt": "2026-05-01 09:00", "deadline": "2026-05-20 18:00", "answers": []},
                  {"title": "", "requirements": "500字", "targetUnitIds": ["U099"],
                   "issuedAt": "2026-05-01 09:00", "deadline": "5月20日",
                   "answers": [{"unitId": "U006", "itemId": "ITEM-X", "answeredAt": "2026-05-10 09:00",
                                "accepted": false, "judgedAt": "2026-05-11 09:00"}]}]}
                """;
        mvc.perform(post("/api/commission/imports").with(room()).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("import.invalid"))
                .andExpect(jsonPath("$.detail").value("导入内容有 5 处错误，未导入任何数据；请修改后重新导入"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "第2条约稿.title", "第2条约稿.targetUnitIds", "第2条约稿.deadline",
                        "第2条约稿.答复第1条.unitId", "第2条约稿.答复第1条.reason")))
                .andExpect(jsonPath("$.errors[1].message").value("约稿单位不存在：U099"));

        assertThat(mongo.count(new Query(), "commissions")).isZero();
        assertThat(mongo.count(new Query(), "commission_imports")).isZero();
    }

    @Test
    void onlyTheRoomOrAnAdministratorMayImport() throws Exception {
        mvc.perform(post("/api/commission/imports").with(reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content(MARCH))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/commission/imports").with(reporter("U006"))).andExpect(status().isForbidden());
        assertThat(mongo.count(new Query(), "commissions")).isZero();
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
