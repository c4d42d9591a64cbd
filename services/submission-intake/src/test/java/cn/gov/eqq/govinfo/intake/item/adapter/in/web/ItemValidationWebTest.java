package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input gets a Chinese RFC 9457 problem, never a 500. */
class ItemValidationWebTest extends IntakeIntegrationTest {

    @Test
    void incompleteItemCannotBeSubmittedAndEveryMissingFieldIsNamed() throws Exception {
        String id = draft("U006", "{\"title\": \"只有标题的草稿\"}");
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("item.invalid"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("body")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("contactPhone")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("正文不能为空")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("联系电话不能为空")));
    }

    @Test
    void problemItemWithoutCountermeasuresIsRefused() throws Exception {
        String id = draft("U006", itemJson("牧区饮水工程进度滞后", "部分嘎查饮水工程进度滞后。", "PROBLEM", "PROBLEM", false, null));
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("countermeasures"))
                .andExpect(jsonPath("$.errors[0].message").value("问题类（报忧）信息必须填写对策建议"));
    }

    @Test
    void draftWithoutTitleIsRefused() throws Exception {
        mvc.perform(post("/api/intake/items").with(reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"没有标题\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("标题不能为空"));
    }

    @Test
    void unknownCategoryIsABadRequestNotAServerError() throws Exception {
        mvc.perform(post("/api/intake/items").with(reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"x\", \"category\": \"GOSSIP\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求有误"));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        mvc.perform(post("/api/intake/items").with(reporter("U006")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": ")).andExpect(status().isBadRequest());
    }

    @Test
    void returnAndVoidNeedAnOpinionOrReason() throws Exception {
        String id = submitted("U006", goodNews("需要意见"));
        mvc.perform(post("/api/intake/items/{id}/return", id).with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opinion\": \" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("退回修改时必须填写意见"));
        mvc.perform(post("/api/intake/items/{id}/void", id).with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("作废时必须填写理由"));
    }

    @Test
    void wrongStateIsAConflict() throws Exception {
        String id = submitted("U006", goodNews("重复转报"));
        mvc.perform(post("/api/intake/items/{id}/forward", id).with(room()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("item.not-received"));
        mvc.perform(post("/api/intake/items/{id}/receive", id).with(room())).andExpect(status().isOk());
        mvc.perform(post("/api/intake/items/{id}/forward", id).with(room())).andExpect(status().isOk());
        mvc.perform(post("/api/intake/items/{id}/forward", id).with(room()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该信息已转报市政府，不能重复转报"));
    }

    @Test
    void badInboxParametersAreExplained() throws Exception {
        mvc.perform(get("/api/intake/items").param("period", "2026-13").with(room()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("period.invalid"));
        mvc.perform(get("/api/intake/items").param("size", "1000").with(room()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("size.invalid"));
        mvc.perform(get("/api/intake/items").param("status", "LOST").with(room())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/intake/items").param("sort", "secret").with(room()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("sort.invalid"));
    }

    @Test
    void unknownItemIsNotFound() throws Exception {
        mvc.perform(get("/api/intake/items/{id}", "no-such-item").with(room())).andExpect(status().isNotFound());
    }
}
