package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.commission.tasking.domain.ScoredBonus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.gov.eqq.govinfo.testsupport.time.MutableClock.beijing;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.reporter;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.room;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.user;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CommissionApiTest extends CommissionAppTestBase {

    private static final String ISSUE = """
            {"title":"乡村振兴典型做法","requirements":"800字以内，附典型案例",
             "targetUnitIds":["U001","U006"],"deadline":"2026-07-31T23:59"}""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Commissioning service;

    private String issue() throws Exception {
        MvcResult result = mvc.perform(post("/api/commission/commissions").with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(ISSUE))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    @Test
    void theRoomIssuesACommissionWithABeijingDeadline() throws Exception {
        mvc.perform(post("/api/commission/commissions").with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(ISSUE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/commission/commissions/CMS-")))
                .andExpect(jsonPath("$.title").value("乡村振兴典型做法"))
                .andExpect(jsonPath("$.deadlineDisplay").value("2026年07月31日 23:59"))
                .andExpect(jsonPath("$.deadlineAt").value("2026-07-31T15:59:59.999999999Z"))
                .andExpect(jsonPath("$.issuedBy").value("room-editor"))
                .andExpect(jsonPath("$.targets.length()").value(2))
                .andExpect(jsonPath("$.targets[0].unitName").value("敖勒召其镇"))
                .andExpect(jsonPath("$.targets[0].status").value("待报送"));
    }

    @Test
    void onlyTheRoomMayIssueCommissions() throws Exception {
        for (var other : new org.springframework.test.web.servlet.request.RequestPostProcessor[]{
                reporter("U001"), viewer(), user("unit-leader", "U001", "unit-leader"), user("admin", null, "admin")}) {
            mvc.perform(post("/api/commission/commissions").with(other)
                            .contentType(MediaType.APPLICATION_JSON).content(ISSUE))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/commission/commissions").contentType(MediaType.APPLICATION_JSON).content(ISSUE))
                .andExpect(status().isUnauthorized());
        assertThat(mongo.getCollection("commissions").countDocuments()).isZero();
    }

    @Test
    void onlyTheRoomMayJudgeAnswers() throws Exception {
        String id = issue();
        service.recordAnswer(new Commissioning.RecordAnswer(id, "I1", "U001", 1, beijing("2026-07-25T10:00"), true));

        mvc.perform(post("/api/commission/commissions/{id}/answers/I1/judgement", id).with(reporter("U001"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/commission/commissions/{id}/answers/I1/judgement", id).with(viewer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/commission/commissions/{id}", id).with(room()))
                .andExpect(jsonPath("$.targets[0].answers[0].status").value("待审核"));
    }

    @Test
    void theRoomAcceptsOrRejectsWithAReason() throws Exception {
        String id = issue();
        service.recordAnswer(new Commissioning.RecordAnswer(id, "I1", "U001", 1, beijing("2026-07-31T23:59:59"), true));
        service.recordAnswer(new Commissioning.RecordAnswer(id, "I2", "U006", 1, beijing("2026-07-30T10:00"), true));
        clock.setBeijing("2026-08-03T09:00");

        mvc.perform(post("/api/commission/commissions/{id}/answers/I1/judgement", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[0].status").value("按时报送，已采纳"))
                .andExpect(jsonPath("$.targets[0].earnsBonus").value(false))
                .andExpect(jsonPath("$.targets[0].answers[0].bonus").value("积分待计算"));

        mvc.perform(post("/api/commission/commissions/{id}/answers/I2/judgement", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("commission.reason-required"))
                .andExpect(jsonPath("$.detail").value("不采纳时必须填写理由"));

        mvc.perform(post("/api/commission/commissions/{id}/answers/I2/judgement", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":false,\"reason\":\"偏离主题\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[1].status").value("按时报送，未采纳：偏离主题"))
                .andExpect(jsonPath("$.targets[1].answers[0].reason").value("偏离主题"))
                .andExpect(jsonPath("$.targets[1].earnsBonus").value(false));
    }

    @Test
    void aUnitSeesOnlyItsOwnOpenCommissionsAndOnlyItsOwnRow() throws Exception {
        String toBoth = issue();
        String toGuidance = json.readTree(mvc.perform(post("/api/commission/commissions").with(room())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"营商环境","requirements":"要求","targetUnitIds":["U037"],"deadline":"2026-08-10T18:00"}"""))
                .andReturn().getResponse().getContentAsString()).get("id").asString();

        mvc.perform(get("/api/commission/commissions").with(reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(toBoth))
                .andExpect(jsonPath("$[0].deadline").value("2026-07-31T23:59:00"))
                .andExpect(jsonPath("$[0].targets.length()").value(1))
                .andExpect(jsonPath("$[0].targets[0].unitId").value("U006"));
        // a commission not sent to the unit answers exactly as one that does not exist
        mvc.perform(get("/api/commission/commissions/{id}", toGuidance).with(reporter("U006")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.detail").value("约稿 " + toGuidance + " 不存在"));
        mvc.perform(get("/api/commission/commissions/{id}", "CMS-missing").with(reporter("U006")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.detail").value("约稿 CMS-missing 不存在"));
        mvc.perform(get("/api/commission/commissions").param("unitId", "U037").with(reporter("U006")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(toBoth));

        // once answered it is no longer open for the unit, but still listed under scope=all
        service.recordAnswer(
                new Commissioning.RecordAnswer(toBoth, "I1", "U006", 1, beijing("2026-07-25T10:00"), false));
        mvc.perform(get("/api/commission/commissions").with(reporter("U006")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/commission/commissions").param("scope", "all").with(reporter("U006")))
                .andExpect(jsonPath("$.length()").value(1));

        mvc.perform(get("/api/commission/commissions").param("scope", "all").with(room()))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/commission/commissions").param("scope", "all").with(user("nobody", null, "guest")))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsA4xxProblemInChineseNeverA500() throws Exception {
        mvc.perform(post("/api/commission/commissions").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","requirements":"r","targetUnitIds":["U001","U999"],"deadline":"2026-07-31T23:59"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("commission.unknown-unit"))
                .andExpect(jsonPath("$.detail").value("约稿单位不存在或已撤销：U999"));
        mvc.perform(post("/api/commission/commissions").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","requirements":"r","targetUnitIds":["U002"],"deadline":"2026-07-31T23:59"}"""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/commission/commissions").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","requirements":"r","targetUnitIds":["U001"],"deadline":"明天"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/commission/commissions").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","requirements":"r","targetUnitIds":["U001"],"deadline":"2026-07-01T12:00"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("commission.deadline-passed"));
        mvc.perform(post("/api/commission/commissions").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"t","requirements":"r","targetUnitIds":["U001"],"deadline":"+999999999-12-31T23:59"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("commission.deadline-too-far"));
        mvc.perform(post("/api/commission/commissions").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("约稿标题不能为空"));
        mvc.perform(get("/api/commission/commissions/CMS-nope").with(room()))
                .andExpect(status().isNotFound());
        String id = issue();
        mvc.perform(post("/api/commission/commissions/{id}/answers/I404/judgement", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("commission.answer-not-found"));
        mvc.perform(post("/api/commission/commissions/{id}/answers/I404/judgement", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请选择采纳或不采纳"));
        mvc.perform(get("/api/commission/commissions").param("scope", "some").with(room()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/commission/statistics").param("from", "2026-13-01").with(room()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/commission/statistics").param("from", "2500-01-01").with(room()))
                .andExpect(jsonPath("$.code").value("statistics.bad-date"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/commission/statistics").param("from", "2026-09-01").param("to", "2026-07-01")
                        .with(room()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("结束日期不能早于开始日期"));
    }

    @Test
    void perUnitStatisticsForTheCircularsCountReceivedOnTimeLateAndRejected() throws Exception {
        String id = issue();
        service.recordAnswer(new Commissioning.RecordAnswer(id, "I1", "U001", 1, beijing("2026-07-31T23:59:59"), true));
        service.recordAnswer(new Commissioning.RecordAnswer(id, "I2", "U006", 1, beijing("2026-08-01T00:00:00"), true));
        clock.setBeijing("2026-08-03T09:00");
        service.judge(new Commissioning.JudgeAnswer(id, "I1", true, null, "room-editor"));
        service.judge(new Commissioning.JudgeAnswer(id, "I2", false, "逾期且内容不符", "room-editor"));
        // what scoring decided of the two items (the bonus is scoring's rule; its item scores carry it)
        service.recordScore(new ScoredBonus("I1", 2, 10, "按时完成约稿并被信息室认可 +10"));
        service.recordScore(new ScoredBonus("I2", 2, 0, "未被信息室认可，不计约稿分"));

        MvcResult result = mvc.perform(get("/api/commission/statistics")
                        .param("from", "2026-07-01").param("to", "2026-09-30").with(viewer()))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode body = json.readTree(result.getResponse().getContentAsString());
        assertThat(body.get("units").toString()).isEqualTo(json.readTree("""
                [{"unitId":"U001","unitName":"敖勒召其镇","received":1,"answeredOnTime":1,"answeredLate":0,"accepted":1,
                  "rejected":0,"awaitingJudgement":0,"missed":0,"bonusEarned":1},
                 {"unitId":"U006","unitName":"发改委","received":1,"answeredOnTime":0,"answeredLate":1,"accepted":0,
                  "rejected":1,"awaitingJudgement":0,"missed":0,"bonusEarned":0}]""").toString());

        mvc.perform(get("/api/commission/statistics").param("from", "2026-08-01").with(room()))
                .andExpect(jsonPath("$.units.length()").value(0));
        mvc.perform(get("/api/commission/statistics").with(reporter("U006")))
                .andExpect(jsonPath("$.units.length()").value(1))
                .andExpect(jsonPath("$.units[0].unitId").value("U006"));
    }

    @Test
    void theOpenApiDocumentDeclaresTheCreatedAnswerOfIssuing() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/commission/commissions'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/commission/commissions'].post.responses['200']").doesNotExist())
                .andExpect(jsonPath("$.info.title").value(org.hamcrest.Matchers.containsString("commission-tasking")));
    }
}
