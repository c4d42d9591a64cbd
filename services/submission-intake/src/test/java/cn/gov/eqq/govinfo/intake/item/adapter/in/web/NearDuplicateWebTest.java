package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** The room is warned when an item reads much like one another unit already sent, and sees which one. */
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
}
