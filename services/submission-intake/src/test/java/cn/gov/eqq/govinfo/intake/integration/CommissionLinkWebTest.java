package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.commission.CommissionIssued;
import cn.gov.eqq.govinfo.intake.commission.application.CommissionDirectory;
import cn.gov.eqq.govinfo.intake.commission.domain.CommissionTargets;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Intake learns from commission-tasking's CommissionIssued on the real broker which units a commission went to, and
 * refuses at the API an item of another unit that names the commission.
 */
class CommissionLinkWebTest extends IntakeIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    CommissionDirectory commissions;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anItemOfAUnitTheCommissionWasNotSentToIsRefusedWithAChineseProblem() throws Exception {
        issue("CMS-LINK-1", "乡村振兴典型做法", List.of("U006", "U007"));
        await().atMost(Duration.ofSeconds(30)).until(() -> commissions.find("CMS-LINK-1").isPresent());

        mvc.perform(post("/api/intake/items").with(reporter("U040")).contentType(MediaType.APPLICATION_JSON)
                        .content(answering("CMS-LINK-1")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("commission.not-a-target"))
                .andExpect(jsonPath("$.detail").value(
                        "约稿任务「乡村振兴典型做法」（CMS-LINK-1）未向本单位约稿，本单位的信息不能作为其答复"));

        String id = draft("U006", answering("CMS-LINK-1"));
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void anItemNamingACommissionNotYetHeardOfIsKeptAsADraftAndSentOnceTheCommissionArrives() throws Exception {
        String id = draft("U006", answering("CMS-LINK-2"));
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("commission.not-yet-known"))
                .andExpect(jsonPath("$.detail").value(
                        "约稿任务 CMS-LINK-2 尚未同步，请稍后再试（如约稿编号有误，请核对后修改草稿）"));

        issue("CMS-LINK-2", "营商环境", List.of("U006"));
        await().atMost(Duration.ofSeconds(30)).until(() -> commissions.find("CMS-LINK-2").isPresent());
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void aRedeliveredCommissionEventLeavesOneRecordWithTheSameTargets() {
        EventEnvelope<CommissionIssued> once = EventEnvelope.wrap(new CommissionIssued("CMS-LINK-3", "生态保护",
                "800字以内", List.of("U037", "U006"), Instant.parse("2026-07-31T15:59:59Z"), "room",
                Instant.parse("2026-07-20T02:00:00Z")), "commission-tasking", Instant.now());
        kafka.send(Topics.COMMISSIONS, once.key(), codec.encode(once)).join();
        kafka.send(Topics.COMMISSIONS, once.key(), codec.encode(once)).join();
        issue("CMS-LINK-4", "marker", List.of("U006"));

        await().atMost(Duration.ofSeconds(30)).until(() -> commissions.find("CMS-LINK-4").isPresent());
        assertThat(mongo.count(new Query(Criteria.where("_id").is("CMS-LINK-3")), "commissions")).isEqualTo(1);
        assertThat(commissions.find("CMS-LINK-3")).isEqualTo(
                Optional.of(new CommissionTargets("CMS-LINK-3", "生态保护", Set.of("U006", "U037"))));
    }

    private void issue(String commissionId, String title, List<String> targets) {
        EventEnvelope<CommissionIssued> e = EventEnvelope.wrap(new CommissionIssued(commissionId, title,
                "800字以内", targets, Instant.parse("2026-07-31T15:59:59Z"), "room",
                Instant.parse("2026-07-20T02:00:00Z")), "commission-tasking", Instant.now());
        kafka.send(Topics.COMMISSIONS, e.key(), codec.encode(e)).join();
    }

    private static String answering(String commissionId) {
        return """
                {"title": "我旗乡村振兴典型做法", "body": "7月10日，我旗总结乡村振兴典型做法。", "category": "DYNAMIC",
                 "topics": ["DEEPENING_REFORM"], "eventDate": "2026-07-10", "reporterName": "张信息员",
                 "contactPhone": "0477-7622029", "polarity": "GOOD_NEWS", "majorEvent": false,
                 "majorEmergency": false, "commissionId": "%s"}
                """.formatted(commissionId);
    }
}
