package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may see and do what, through the HTTP API with Keycloak-shaped tokens. */
class ItemPermissionsWebTest extends IntakeIntegrationTest {

    @Test
    void reporterOfAnotherUnitCannotReadTheItem() throws Exception {
        String id = draft("U006", goodNews("发改委草稿"));
        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U007")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("item.not-found"))
                .andExpect(jsonPath("$.detail").value("信息不存在或无权查看"));
        mvc.perform(get("/api/intake/items/{id}/revisions", id).with(reporter("U007"))).andExpect(status().isNotFound());
    }

    @Test
    void reporterOfAnotherUnitCannotChangeTheItem() throws Exception {
        String id = draft("U006", goodNews("发改委草稿"));
        mvc.perform(put("/api/intake/items/{id}", id).with(reporter("U007"))
                        .contentType(MediaType.APPLICATION_JSON).content(goodNews("改成教体局的")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006")))
                .andExpect(jsonPath("$.content.title").value("发改委草稿"));
    }

    @Test
    void reporterOfAnotherUnitCannotSubmitTheItem() throws Exception {
        String id = draft("U006", goodNews("发改委草稿"));
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U007"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006"))).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void reporterCannotListAnotherUnitsItems() throws Exception {
        mvc.perform(get("/api/intake/items").param("unitId", "U006").with(reporter("U007")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只能查看本单位的信息"));
    }

    @Test
    void reporterListShowsOnlyTheOwnUnit() throws Exception {
        draft("U006", goodNews("列表隔离-发改委"));
        draft("U007", goodNews("列表隔离-教体局"));
        mvc.perform(get("/api/intake/items").param("q", "列表隔离").with(reporter("U007")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[*].unitId", everyItem(is("U007"))));
    }

    @Test
    void unitStatusAndTimestampsInTheBodyAreIgnored() throws Exception {
        String body = """
                {"title": "企图篡改的草稿", "unitId": "U007", "status": "RECEIVED", "createdAt": "2020-01-01T00:00:00Z",
                 "updatedAt": "2020-01-01T00:00:00Z", "submittedAt": "2020-01-01T00:00:00Z", "id": "chosen-id",
                 "revisions": [], "forwardedAt": "2020-01-01T00:00:00Z"}
                """;
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
        String id = draft("U006", body);

        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006")))
                .andExpect(jsonPath("$.unitId").value("U006"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.forwardedToCity").value(false))
                .andExpect(jsonPath("$.createdAt", greaterThan(before.toString())));
        org.assertj.core.api.Assertions.assertThat(id).isNotEqualTo("chosen-id");

        // an edit cannot move it either
        mvc.perform(put("/api/intake/items/{id}", id).with(reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("企图篡改的草稿", "第二次篡改")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value("U006"))
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void leaderOfAnotherUnitCannotSignOff() throws Exception {
        String id = draft("U006", itemJson("重大事件待签批", "正文", "DYNAMIC", "GOOD_NEWS", true, null));
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006")))
                .andExpect(jsonPath("$.status").value("AWAITING_SIGN_OFF"));

        mvc.perform(post("/api/intake/items/{id}/sign-off", id).with(leader("U007"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/intake/items/sign-off-queue").with(leader("U007")))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty());
        mvc.perform(get("/api/intake/items/sign-off-queue").with(leader("U006")))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isNotEmpty());
        mvc.perform(post("/api/intake/items/{id}/sign-off", id).with(reporter("U006"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/intake/items/{id}/sign-off", id).with(leader("U006")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void onlyTheRoomReceivesReturnsVoidsAndForwards() throws Exception {
        String id = submitted("U006", goodNews("只有信息室能接收"));
        mvc.perform(post("/api/intake/items/{id}/receive", id).with(reporter("U006")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("无权操作"));
        mvc.perform(post("/api/intake/items/{id}/receive", id).with(leader("U006"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/intake/items/{id}/void", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/intake/items/{id}/receive", id).with(room())).andExpect(status().isOk());
        mvc.perform(post("/api/intake/items/{id}/forward", id).with(reporter("U006"))).andExpect(status().isForbidden());
    }

    @Test
    void roomSeesAllUnitsButCannotEditForThem() throws Exception {
        String id = submitted("U037", goodNews("营商环境中心信息"));
        mvc.perform(get("/api/intake/items/{id}", id).with(room())).andExpect(status().isOk());
        mvc.perform(put("/api/intake/items/{id}", id).with(room()).contentType(MediaType.APPLICATION_JSON)
                .content(goodNews("信息室代改"))).andExpect(status().isForbidden());
    }

    @Test
    void requestWithoutTokenIsUnauthorized() throws Exception {
        mvc.perform(get("/api/intake/items")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/intake/units")).andExpect(status().isUnauthorized());
    }

    @Test
    void roomWideAuditLogListsScoreChangingActionsAndIsNotForUnits() throws Exception {
        String id = submitted("U006", goodNews("审计日志-作废"));
        mvc.perform(post("/api/intake/items/{id}/void", id).with(room()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"与他单位重复\"}")).andExpect(status().isOk());
        String month = ReportingPeriod.monthOf(Instant.now()).code();

        mvc.perform(get("/api/intake/item-audit").param("period", month).param("action", "VOIDED").with(room()))
                .andExpect(jsonPath("$[?(@.itemId == '" + id + "')].reason").value("与他单位重复"))
                .andExpect(jsonPath("$[?(@.itemId == '" + id + "')].by").value("room-editor"))
                .andExpect(jsonPath("$[*].action", everyItem(is("VOIDED"))));
        mvc.perform(get("/api/intake/item-audit").param("period", month).with(reporter("U006")))
                .andExpect(status().isForbidden());
    }

    @Test
    void auditTrailIsForTheRoomAndRecordsWhoWhenWhyAndWhere() throws Exception {
        String id = submitted("U006", goodNews("审计记录"));
        mvc.perform(post("/api/intake/items/{id}/return", id).with(room()).header("X-Forwarded-For", "10.1.2.3")
                .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"请补充数据\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/intake/items/{id}/audit", id).with(reporter("U006"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/intake/items/{id}/audit", id).with(room()))
                .andExpect(jsonPath("$[0].action").value("SUBMITTED"))
                .andExpect(jsonPath("$[0].by").value("rep-U006"))
                .andExpect(jsonPath("$[1].action").value("RETURNED"))
                .andExpect(jsonPath("$[1].by").value("room-editor"))
                .andExpect(jsonPath("$[1].reason").value("请补充数据"))
                .andExpect(jsonPath("$[1].origin").value("10.1.2.3"))
                .andExpect(jsonPath("$[1].at").isNotEmpty());
    }

    @Test
    void theTrailTakesTheAddressOurIngressSawNotOneTheClientWrote() throws Exception {
        String id = submitted("U006", goodNews("审计记录：伪造的来源"));
        // the client wrote 198.51.100.7 itself; the ingress 10.42.0.7 (trusted) appended 203.0.113.5
        mvc.perform(post("/api/intake/items/{id}/return", id).with(room())
                        .header("X-Forwarded-For", "198.51.100.7, 203.0.113.5, 10.42.0.7")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"请补充数据\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/intake/items/{id}/audit", id).with(room()))
                .andExpect(jsonPath("$[1].action").value("RETURNED"))
                .andExpect(jsonPath("$[1].origin").value("203.0.113.5"));
    }
}
