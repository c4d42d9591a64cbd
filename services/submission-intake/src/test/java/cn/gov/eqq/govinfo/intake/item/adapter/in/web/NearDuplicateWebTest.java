package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The room is warned when an item reads much like one another unit already sent, and sees which one; the unit is
 * warned before it sends, and of another unit's item sees the unit, the title and the similarity only.
 */
class NearDuplicateWebTest extends IntakeIntegrationTest {

    @Test
    void retoldItemIsFlaggedToTheRoomWithTheSimilarItem() throws Exception {
        String original = submitted("U003", itemJson("城川镇部署夏季防汛工作",
                "城川镇召开2026年夏季防汛工作部署会。会议要求各嘎查村加强河道巡查，严防山洪灾害，落实网格化管理责任，确保安全度汛。",
                "DYNAMIC", "GOOD_NEWS", false, null));
        String retold = submitted("U018", itemJson("城川镇召开夏季防汛工作部署会",
                "6月2日，城川镇召开夏季防汛工作部署会，要求各嘎查村加强河道巡查、严防山洪灾害，落实网格化管理责任，确保全镇安全度汛。",
                "DYNAMIC", "GOOD_NEWS", false, null));
        String unrelated = submitted("U007", itemJson("教体局开展防溺水教育",
                "旗教体局组织开展中小学生暑期防溺水安全教育活动，覆盖全旗32所学校。", "BRIEF", "GOOD_NEWS", false, null));

        mvc.perform(get("/api/intake/items/{id}", retold).with(room()))
                .andExpect(jsonPath("$.nearDuplicate").value(true))
                .andExpect(jsonPath("$.similarItems[0].itemId").value(original))
                .andExpect(jsonPath("$.similarItems[0].unitId").value("U003"))
                .andExpect(jsonPath("$.similarItems[0].title").value("城川镇部署夏季防汛工作"));
        mvc.perform(get("/api/intake/items/{id}", unrelated).with(room()))
                .andExpect(jsonPath("$.nearDuplicate").value(false));
        mvc.perform(get("/api/intake/items").param("q", "夏季防汛").param("unitId", "U018").with(room()))
                .andExpect(jsonPath("$.items[0].nearDuplicate").value(true));
        // the unit is not shown other units' items
        mvc.perform(get("/api/intake/items/{id}", retold).with(reporter("U018")))
                .andExpect(jsonPath("$.similarItems").isEmpty());
    }

    @Test
    void theReporterIsWarnedBeforeSendingAndSeesOfTheOtherUnitsItemOnlyItsUnitTitleAndSimilarity() throws Exception {
        String sent = submitted("U004", itemJson("嘎鲁图镇开展草原防火专项检查",
                "嘎鲁图镇组织开展春季草原防火专项检查，重点排查牧户储草点、林区入口和野外用火，发放防火宣传资料八百余份。",
                "DYNAMIC", "GOOD_NEWS", false, null));
        String draft = draft("U019", itemJson("嘎鲁图镇开展春季草原防火专项检查",
                "嘎鲁图镇组织开展春季草原防火专项检查，重点排查牧户储草点、林区入口和野外用火，发放防火宣传资料八百余份。",
                "DYNAMIC", "GOOD_NEWS", false, null));

        mvc.perform(get("/api/intake/items/{id}/similar", draft).with(reporter("U019")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nearDuplicate").value(true))
                .andExpect(jsonPath("$.highestPercent").value(greaterThanOrEqualTo(90)))
                .andExpect(jsonPath("$.message").value(startsWith("与已报送的信息内容相近（相似度 ")))
                .andExpect(jsonPath("$.message").value(endsWith("%），请确认不是重复报送")))
                .andExpect(jsonPath("$.similarItems[0].unitId").value("U004"))
                .andExpect(jsonPath("$.similarItems[0].title").value("嘎鲁图镇开展草原防火专项检查"))
                .andExpect(jsonPath("$.similarItems[0].itemId").doesNotExist())
                .andExpect(jsonPath("$.similarItems[0].body").doesNotExist());
        // the room sees the same items with the id to open them by
        mvc.perform(get("/api/intake/items/{id}/similar", draft).with(room()))
                .andExpect(jsonPath("$.similarItems[0].itemId").value(sent));
        // the sending unit may not ask about the other unit's draft
        mvc.perform(get("/api/intake/items/{id}/similar", draft).with(reporter("U004")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anItemLikeNothingSentCarriesNoWarning() throws Exception {
        String draft = draft("U019", itemJson("伊克柏树嘎查举办那达慕", "嘎查举办传统那达慕，开展摔跤、赛马、射箭比赛。",
                "BRIEF", "GOOD_NEWS", false, null));

        mvc.perform(get("/api/intake/items/{id}/similar", draft).with(reporter("U019")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nearDuplicate").value(false))
                .andExpect(jsonPath("$.message").doesNotExist())
                .andExpect(jsonPath("$.similarItems").isEmpty());
    }
}
