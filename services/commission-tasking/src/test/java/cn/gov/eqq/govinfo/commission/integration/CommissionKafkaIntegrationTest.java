package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerVoided;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswered;
import cn.gov.eqq.govinfo.contracts.commission.CommissionIssued;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.eqq.govinfo.testsupport.time.MutableClock.beijing;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Through the real broker: intake's unit and item events come in, the room judges over HTTP, and the commission
 * events come out of the outbox onto {@link Topics#COMMISSIONS} in order, in the shape of the golden files.
 */
class CommissionKafkaIntegrationTest extends CommissionAppTestBase {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    EmbeddedKafkaBroker broker;

    private final JsonMapper json = JsonMapper.builder().build();

    private void fromIntake(String topic, cn.gov.eqq.govinfo.contracts.IntegrationEvent payload) throws Exception {
        EventEnvelope<?> envelope = EventEnvelope.wrap(payload, "submission-intake", clock.instant());
        kafka.send(topic, envelope.key(), codec.encode(envelope)).get();
    }

    @Test
    void anItemSubmittedForACommissionIsAnAnswerAndItsJudgementIsPublished() throws Exception {
        // a unit the service has only heard of through the unit topic can be commissioned
        fromIntake(Topics.UNITS, new UnitChanged("U038", "投资项目代建中心", 3, true, Instant.parse("2026-02-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> units.isActive("U038"));

        String id = json.readTree(mvc.perform(post("/api/commission/commissions").with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"重大项目进展","requirements":"1000字以内",
                                 "targetUnitIds":["U038"],"deadline":"2026-07-31T23:59"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();

        Instant lastSecond = beijing("2026-07-31T23:59:59");
        fromIntake(Topics.ITEMS, new ItemSubmitted("ITM-9", "U038", 1, "代建项目进展", "RESEARCH_REPORT", lastSecond, id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/commission/commissions/{id}", id).with(room()))
                        .andExpect(jsonPath("$.targets[0].answers[0].itemId").value("ITM-9"))
                        .andExpect(jsonPath("$.targets[0].answeredOnTime").value(true)));

        // not yet received by the room: an answer is judged on the version the room received
        mvc.perform(post("/api/commission/commissions/{id}/answers/ITM-9/judgement", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("commission.answer-not-received"));

        // the room receives it in intake: a change of the commission that publishes nothing, and is kept
        fromIntake(Topics.ITEMS, new ItemReceived("ITM-9", "U038", 1, "代建项目进展", "RESEARCH_REPORT", List.of(),
                false, "GOOD_NEWS", null, lastSecond, beijing("2026-08-03T08:30"), "room-editor", id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/commission/commissions/{id}", id).with(room()))
                        .andExpect(jsonPath("$.targets[0].answers[0].received").value(true))
                        .andExpect(jsonPath("$.targets[0].answers[0].judgeable").value(true))
                        .andExpect(jsonPath("$.targets[0].status").value("按时报送，待审核")));

        clock.setBeijing("2026-08-03T09:00");
        mvc.perform(post("/api/commission/commissions/{id}/answers/ITM-9/judgement", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true,\"reason\":\"符合约稿要求\"}"))
                .andExpect(status().isOk());

        List<ConsumerRecord<String, String>> records = readCommissionEvents(id, 3);
        List<EventEnvelope<?>> envelopes = records.stream().<EventEnvelope<?>>map(r -> codec.decode(r.value())).toList();
        assertThat(envelopes).extracting(EventEnvelope::type)
                .containsExactly("CommissionIssued", "CommissionAnswered", "CommissionAnswerJudged");
        assertThat(envelopes.get(0).payload()).isInstanceOfSatisfying(CommissionIssued.class,
                p -> assertThat(p.targetUnitIds()).containsExactly("U038"));
        assertThat(envelopes.get(1).payload()).isEqualTo(new CommissionAnswered(id, "U038", "ITM-9", 1, lastSecond,
                Instant.parse("2026-07-31T15:59:59.999999999Z"), true));
        assertThat(envelopes.get(2).payload()).isEqualTo(new CommissionAnswerJudged(id, "U038", "ITM-9", lastSecond,
                Instant.parse("2026-07-31T15:59:59.999999999Z"), true, "符合约稿要求", "room-editor",
                beijing("2026-08-03T09:00")));
        assertThat(envelopes.get(2).producer()).isEqualTo("commission-tasking");
        for (ConsumerRecord<String, String> r : records) {
            assertThat(r.key()).isEqualTo(id);
            GoldenShapes.assertSameShape(r.value(),
                    GoldenShapes.golden(Topics.COMMISSIONS, codec.decode(r.value()).type()));
        }

        // the room voids the item in intake: the answer stops counting and that is published too
        fromIntake(Topics.ITEMS, new ItemVoided("ITM-9", "U038", "内容失实", beijing("2026-08-04T09:00"), "room-editor"));
        List<ConsumerRecord<String, String>> more = readCommissionEvents(id, 4);
        assertThat(codec.decode(more.get(3).value()).payload()).isEqualTo(new CommissionAnswerVoided(id, "U038",
                "ITM-9", "内容失实", beijing("2026-08-04T09:00")));
        mvc.perform(get("/api/commission/statistics").with(room()))
                .andExpect(jsonPath("$.units[0].unitId").value("U038"))
                .andExpect(jsonPath("$.units[0].bonusEarned").value(0))
                .andExpect(jsonPath("$.units[0].missed").value(1));
    }

    @Test
    void theBonusShownIsWhatScoringDecidedAndOnlyANewerDecisionReplacesIt() throws Exception {
        fromIntake(Topics.UNITS, new UnitChanged("U039", "政务服务中心", 3, true, Instant.parse("2026-02-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> units.isActive("U039"));
        String id = json.readTree(mvc.perform(post("/api/commission/commissions").with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"营商环境","requirements":"800字以内",
                                 "targetUnitIds":["U039"],"deadline":"2026-09-30T18:00"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        Instant sent = beijing("2026-09-20T10:00");
        fromIntake(Topics.ITEMS, new ItemReceived("ITM-B", "U039", 1, "一网通办", "RESEARCH_REPORT", List.of(),
                false, "GOOD_NEWS", null, sent, beijing("2026-09-21T08:30"), "room-editor", id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/commission/commissions/{id}", id).with(room()))
                        .andExpect(jsonPath("$.targets[0].answers[0].judgeable").value(true)));
        clock.setBeijing("2026-09-22T09:00");
        mvc.perform(post("/api/commission/commissions/{id}/answers/ITM-B/judgement", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[0].earnsBonus").value(false))
                .andExpect(jsonPath("$.targets[0].answers[0].bonus").value("积分待计算"));

        fromScoring(scored("ITM-B", 2, 10, "《一网通办》按时完成约稿并被信息室认可 +10"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/commission/commissions/{id}", id).with(room()))
                        .andExpect(jsonPath("$.targets[0].earnsBonus").value(true))
                        .andExpect(jsonPath("$.targets[0].answers[0].bonus")
                                .value("《一网通办》按时完成约稿并被信息室认可 +10")));
        mvc.perform(get("/api/commission/statistics").param("from", "2026-09-01").with(room()))
                .andExpect(jsonPath("$.units[0].unitId").value("U039"))
                .andExpect(jsonPath("$.units[0].bonusEarned").value(1));

        // an older decision arriving late changes nothing; a newer one (scoring took the bonus back) replaces it
        fromScoring(scored("ITM-B", 1, 0, "旧的决定"));
        fromScoring(scored("ITM-B", 3, 0, "《一网通办》作为约稿答复已修改重报，暂不计约稿分"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/commission/commissions/{id}", id).with(room()))
                        .andExpect(jsonPath("$.targets[0].earnsBonus").value(false))
                        .andExpect(jsonPath("$.targets[0].answers[0].bonus")
                                .value("《一网通办》作为约稿答复已修改重报，暂不计约稿分")));
        mvc.perform(get("/api/commission/statistics").param("from", "2026-09-01").with(room()))
                .andExpect(jsonPath("$.units[0].bonusEarned").value(0));
    }

    private void fromScoring(ItemScored payload) throws Exception {
        EventEnvelope<?> envelope = EventEnvelope.wrap(payload, "scoring", clock.instant());
        kafka.send(Topics.ITEM_SCORES, envelope.key(), codec.encode(envelope)).get();
    }

    private static ItemScored scored(String itemId, long version, int commissionPoints, String explanation) {
        LocalDate day = LocalDate.parse("2026-09-20");
        List<ItemScored.Line> lines = List.of(
                new ItemScored.Line(itemId + ":submission", "2026-09", day, "SUBMISSION", "category:RESEARCH_REPORT",
                        5, "调研报告 +5", "2022-07-06"),
                new ItemScored.Line(itemId + ":commission:X", "2026-09", day, "COMMISSION", "commission",
                        commissionPoints, explanation, "2022-07-06"));
        return new ItemScored(itemId, "U039", "一网通办", "RESEARCH_REPORT", "调研报告", false, false, "SCORED",
                5 + commissionPoints, lines, List.of(), version, Instant.parse("2026-09-22T01:00:00Z"));
    }

    @Test
    void anItemFromAUnitTheCommissionWasNotSentToIsDeadLetteredNotCounted() throws Exception {
        String id = json.readTree(mvc.perform(post("/api/commission/commissions").with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"t","requirements":"r","targetUnitIds":["U001"],"deadline":"2026-07-31T23:59"}"""))
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        fromIntake(Topics.ITEMS, new ItemSubmitted("ITM-X", "U006", 1, "t", "BRIEF", beijing("2026-07-25T10:00"), id));

        try (Consumer<String, String> dlt = consumer()) {
            broker.consumeFromAnEmbeddedTopic(dlt, Topics.deadLetterTopicOf("commission-tasking"));
            List<String> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(dlt, Duration.ofMillis(500)).forEach(r -> dead.add(r.value()));
                assertThat(dead).anyMatch(v -> v.contains("ITM-X"));
            });
        }
        mvc.perform(get("/api/commission/commissions/{id}", id).with(room()))
                .andExpect(jsonPath("$.targets[0].answers.length()").value(0));
    }

    private List<ConsumerRecord<String, String>> readCommissionEvents(String commissionId, int expected) {
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (Consumer<String, String> consumer = consumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, Topics.COMMISSIONS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> {
                    if (commissionId.equals(r.key())) {
                        mine.add(r);
                    }
                });
                assertThat(mine).hasSizeGreaterThanOrEqualTo(expected);
            });
        }
        return mine;
    }

    private Consumer<String, String> consumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
    }
}
