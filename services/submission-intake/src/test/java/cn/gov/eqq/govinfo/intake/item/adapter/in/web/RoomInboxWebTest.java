package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The room's inbox: filters, text search, sorting and paging over what the units sent. */
class RoomInboxWebTest extends IntakeIntegrationTest {

    private String tag;
    private String a;
    private String b;
    private String c;

    @BeforeEach
    void threeItemsFromThreeGroups() throws Exception {
        tag = "批次" + UUID.randomUUID().toString().substring(0, 8);
        a = submitted("U002", itemJson(tag + " A 敖勒召其镇春耕", "春耕生产全面展开。", "BRIEF", "GOOD_NEWS", false, null));
        b = submitted("U019", itemJson(tag + " B 农牧局草原保护", "草原生态保护补助发放到位。", "DYNAMIC", "GOOD_NEWS", false, null));
        c = submitted("U050", itemJson(tag + " C 乡村振兴中心调研", "关于庭院经济发展的调研，发现资金短缺。", "RESEARCH_REPORT",
                "PROBLEM", false, "建议设立专项资金。"));
        draft("U019", goodNews(tag + " D 草稿不进收件箱"));
        mvc.perform(post("/api/intake/items/{id}/receive", b).with(room())).andExpect(status().isOk());
    }

    @Test
    void roomSeesWhatUnitsSentButNotTheirDrafts() throws Exception {
        mvc.perform(get("/api/intake/items").param("q", tag).with(room()))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(a, b, c)));
    }

    @Test
    void roomCannotListUnitsDraftsEvenWhenAsking() throws Exception {
        mvc.perform(get("/api/intake/items").param("q", tag).param("status", "DRAFT").with(room()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/intake/items").param("q", tag).param("status", "DRAFT").with(reporter("U019")))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void filtersByUnitGroupCategoryStatusAndTopic() throws Exception {
        mvc.perform(get("/api/intake/items").param("q", tag).param("unitId", "U019").with(room()))
                .andExpect(jsonPath("$.items[*].id", contains(b)));
        mvc.perform(get("/api/intake/items").param("q", tag).param("group", "1").with(room()))
                .andExpect(jsonPath("$.items[*].id", contains(a)));
        mvc.perform(get("/api/intake/items").param("q", tag).param("group", "3").with(room()))
                .andExpect(jsonPath("$.items[*].id", contains(c)));
        mvc.perform(get("/api/intake/items").param("q", tag).param("category", "RESEARCH_REPORT").with(room()))
                .andExpect(jsonPath("$.items[*].id", contains(c)));
        mvc.perform(get("/api/intake/items").param("q", tag).param("status", "RECEIVED").with(room()))
                .andExpect(jsonPath("$.items[*].id", contains(b)));
        mvc.perform(get("/api/intake/items").param("q", tag).param("status", "SUBMITTED", "RECEIVED")
                        .param("topic", "DEEPENING_REFORM").with(room()))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/intake/items").param("q", tag).param("topic", "ETHNIC_UNITY").with(room()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void filtersByBeijingPeriodOfSubmission() throws Exception {
        String thisMonth = ReportingPeriod.monthOf(Instant.now()).code();
        mvc.perform(get("/api/intake/items").param("q", tag).param("period", thisMonth).with(room()))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/intake/items").param("q", tag).param("period", "2020-Q1").with(room()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void searchesTheBodyToo() throws Exception {
        mvc.perform(get("/api/intake/items").param("q", "庭院经济").param("unitId", "U050").with(room()))
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem(c)));
    }

    @Test
    void sortsAndPages() throws Exception {
        mvc.perform(get("/api/intake/items").param("q", tag).param("sort", "title").param("order", "asc")
                        .param("size", "2").with(room()))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id", contains(a, b)));
        mvc.perform(get("/api/intake/items").param("q", tag).param("sort", "title").param("order", "asc")
                        .param("size", "2").param("page", "1").with(room()))
                .andExpect(jsonPath("$.items[*].id", contains(c)));
        mvc.perform(get("/api/intake/items").param("q", tag).param("sort", "submittedAt").param("order", "desc")
                        .with(room()))
                .andExpect(jsonPath("$.items[0].id").value(c));
    }

    @Test
    void revisionsAreKeptAndCompared() throws Exception {
        mvc.perform(post("/api/intake/items/{id}/return", a).with(room()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"opinion\":\"请补充播种面积\"}")).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/intake/items/{id}", a)
                .with(reporter("U002")).contentType(MediaType.APPLICATION_JSON)
                .content(itemJson(tag + " A 敖勒召其镇春耕播种12万亩", "春耕生产全面展开，已播种12万亩。", "BRIEF", "GOOD_NEWS",
                        false, null))).andExpect(status().isOk());
        mvc.perform(post("/api/intake/items/{id}/submit", a).with(reporter("U002"))).andExpect(status().isOk());

        mvc.perform(get("/api/intake/items/{id}/revisions", a).with(room()))
                .andExpect(jsonPath("$[0].number").value(1))
                .andExpect(jsonPath("$[0].outcome").value("RETURNED"))
                .andExpect(jsonPath("$[0].opinion").value("请补充播种面积"))
                .andExpect(jsonPath("$[1].number").value(2))
                .andExpect(jsonPath("$[1].outcome").value("PENDING"));
        mvc.perform(get("/api/intake/items/{id}/revisions/compare", a).param("from", "1").param("to", "2").with(room()))
                .andExpect(jsonPath("$[*].field", contains("title", "body")))
                .andExpect(jsonPath("$[1].after").value("春耕生产全面展开，已播种12万亩。"));
    }
}
