package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 撤回, 删除草稿, 签批意见 and 领导退回修改 through the HTTP API: who may, the problems' codes and Chinese details, and
 * what the unit and the room read afterwards.
 */
class ItemUndoWebTest extends IntakeIntegrationTest {

    private static String majorEvent(String title) {
        return itemJson(title, "7月9日夜，城川镇遭遇强降雨，两条乡道中断。", "PROBLEM", "PROBLEM", true,
                "建议尽快安排抢修资金。");
    }

    @Test
    void theReporterWithdrawsASubmissionNotYetReceivedAndTheRevisionReadsWithdrawn() throws Exception {
        String id = submitted("U006", goodNews("撤回-发改委"));

        mvc.perform(post("/api/intake/items/{id}/withdraw", id).with(reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.statusLabel").value("草稿"))
                .andExpect(jsonPath("$.withdrawnAt").isNotEmpty())
                .andExpect(jsonPath("$.deletable").value(false));
        mvc.perform(get("/api/intake/items/{id}/revisions", id).with(reporter("U006")))
                .andExpect(jsonPath("$[0].outcome").value("WITHDRAWN"))
                .andExpect(jsonPath("$[0].outcomeLabel").value("已撤回"));
        mvc.perform(get("/api/intake/items/{id}/audit", id).with(room()))
                .andExpect(jsonPath("$[*].action", hasItem("WITHDRAWN")));
        mvc.perform(get("/api/intake/items").param("unitId", "U006").param("size", "100").with(room()))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
    }

    @Test
    void withdrawingWhatTheRoomReceivedIsAConflictInChinese() throws Exception {
        String id = submitted("U006", goodNews("已接收-不能撤回"));
        mvc.perform(post("/api/intake/items/{id}/receive", id).with(room())).andExpect(status().isOk());

        mvc.perform(post("/api/intake/items/{id}/withdraw", id).with(reporter("U006")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("item.not-withdrawable"))
                .andExpect(jsonPath("$.detail").value("信息室已接收该信息，不能撤回；如需修改请联系信息室"));
    }

    @Test
    void onlyTheUnitsReporterWithdraws() throws Exception {
        String id = submitted("U006", goodNews("只有本单位报送人撤回"));

        mvc.perform(post("/api/intake/items/{id}/withdraw", id).with(room()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("无权操作"));
        mvc.perform(post("/api/intake/items/{id}/withdraw", id).with(leader("U006"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/intake/items/{id}/withdraw", id).with(reporter("U007")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("item.not-found"));
        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006"))).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void theReporterDeletesADraftNeverSentAndNobodyReadsItAfterwards() throws Exception {
        String id = draft("U006", goodNews("要删除的草稿"));
        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006"))).andExpect(jsonPath("$.deletable").value(true));

        mvc.perform(delete("/api/intake/items/{id}", id).with(reporter("U006"))).andExpect(status().isNoContent());

        mvc.perform(get("/api/intake/items/{id}", id).with(reporter("U006")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("信息不存在或无权查看"));
        mvc.perform(get("/api/intake/items").param("size", "100").with(reporter("U006")))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(get("/api/intake/items/{id}/audit", id).with(room()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].action").value("DELETED"));
        mvc.perform(delete("/api/intake/items/{id}", id).with(reporter("U006"))).andExpect(status().isNotFound());
    }

    @Test
    void aSubmittedItemIsNotDeletedAndOnlyTheUnitsReporterDeletesDrafts() throws Exception {
        String submitted = submitted("U006", goodNews("报送过的不能删"));
        mvc.perform(delete("/api/intake/items/{id}", submitted).with(reporter("U006")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("item.not-deletable"))
                .andExpect(jsonPath("$.detail").value("只能删除草稿（当前状态：已报送）"));

        String draft = draft("U006", goodNews("别人不能删的草稿"));
        mvc.perform(delete("/api/intake/items/{id}", draft).with(leader("U006"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/intake/items/{id}", draft).with(room())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/intake/items/{id}", draft).with(reporter("U007"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/intake/items/{id}", draft).with(reporter("U006"))).andExpect(status().isOk());
    }

    @Test
    void theLeaderSignsOffWithAnOpinionThatTheUnitAndTheRoomRead() throws Exception {
        String id = submitted("U006", majorEvent("签批意见-城川镇暴雨"));

        mvc.perform(post("/api/intake/items/{id}/sign-off", id).with(leader("U006"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"同意报送，注意数据口径。\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.signOff.by").value("lead-U006"))
                .andExpect(jsonPath("$.signOff.opinion").value("同意报送，注意数据口径。"));
        for (var who : new org.springframework.test.web.servlet.request.RequestPostProcessor[] {reporter("U006"), room()}) {
            mvc.perform(get("/api/intake/items/{id}", id).with(who))
                    .andExpect(jsonPath("$.signOff.opinion").value("同意报送，注意数据口径。"));
        }
        mvc.perform(get("/api/intake/items/{id}/revisions", id).with(room()))
                .andExpect(jsonPath("$[0].signOffOpinion").value("同意报送，注意数据口径。"));
    }

    @Test
    void aSignOffWithoutABodyStillSignsWithoutAnOpinion() throws Exception {
        String id = submitted("U006", majorEvent("签批-无意见"));

        mvc.perform(post("/api/intake/items/{id}/sign-off", id).with(leader("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signOff.by").isNotEmpty())
                .andExpect(jsonPath("$.signOff.opinion").doesNotExist());
    }

    @Test
    void anItemTheLeaderSentBackReadsAsSentBackWithTheOpinionInTheUnitsList() throws Exception {
        String id = submitted("U006", majorEvent("领导退回-城川镇暴雨"));
        mvc.perform(post("/api/intake/items/{id}/send-back", id).with(leader("U006"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"请与应急局核实受灾数字\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("领导退回修改"));

        String list = mvc.perform(get("/api/intake/items").param("size", "100").param("sort", "updatedAt")
                        .with(reporter("U006")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String path = "$.items[?(@.id == '" + id + "')]";
        org.assertj.core.api.Assertions.assertThat(JsonPath.<java.util.List<String>>read(list, path + ".statusLabel"))
                .containsExactly("领导退回修改");
        org.assertj.core.api.Assertions.assertThat(JsonPath.<java.util.List<Boolean>>read(list, path + ".leaderSentBack"))
                .containsExactly(true);
        org.assertj.core.api.Assertions.assertThat(JsonPath.<java.util.List<String>>read(list, path + ".signOffOpinion"))
                .containsExactly("请与应急局核实受灾数字");

        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006")))
                .andExpect(jsonPath("$.status").value("AWAITING_SIGN_OFF"))
                .andExpect(jsonPath("$.statusLabel").value("待领导签批"))
                .andExpect(jsonPath("$.leaderSentBack").value(false));
    }

    @Test
    void aMajorEventWaitingForTheLeaderIsWithdrawnAndLeavesTheQueue() throws Exception {
        String id = submitted("U006", majorEvent("撤回-待签批"));

        mvc.perform(post("/api/intake/items/{id}/withdraw", id).with(reporter("U006")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/intake/items/sign-off-queue").with(leader("U006")))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(post("/api/intake/items/{id}/sign-off", id).with(leader("U006")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("item.not-awaiting-sign-off"));
    }
}
