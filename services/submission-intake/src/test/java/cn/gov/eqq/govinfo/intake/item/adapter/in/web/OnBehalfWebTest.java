package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 代录 through the HTTP API: the room enters an item for a unit, the unit reads it as its own marked 代录, the room
 * handles it like any other; who may, and the refusals' codes, Chinese details and field errors.
 */
class OnBehalfWebTest extends IntakeIntegrationTest {

    private static String onBehalf(String unitId, Instant sentAt, String title) {
        String item = goodNews(title).strip();
        return "{\"unitId\": " + quote(unitId) + ", \"sentAt\": " + quote(sentAt == null ? null : sentAt.toString())
                + ", " + item.substring(1);
    }

    private String entered(String unitId, Instant sentAt, String title) throws Exception {
        String body = mvc.perform(post("/api/intake/items/on-behalf").with(room())
                        .contentType(MediaType.APPLICATION_JSON).content(onBehalf(unitId, sentAt, title)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void theRoomEntersAnItemForAUnitAsSentAtTheEmailsTime() throws Exception {
        Instant email = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

        mvc.perform(post("/api/intake/items/on-behalf").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content(onBehalf("U006", email, "代录-发改委邮件")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitId").value("U006"))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submittedAt").value(email.toString()))
                .andExpect(jsonPath("$.enteredOnBehalf.by").value("room-editor"))
                .andExpect(jsonPath("$.enteredOnBehalf.byName").value("room-editor"))
                .andExpect(jsonPath("$.enteredOnBehalf.at").isNotEmpty());
    }

    @Test
    void theUnitSeesTheEnteredItemInItsListMarkedAndTheRoomReceivesIt() throws Exception {
        String id = entered("U006", null, "代录-单位列表");

        // other tests' items share the database: each list is narrowed to this title
        mvc.perform(get("/api/intake/items").param("q", "代录-单位列表").with(reporter("U006")))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].enteredOnBehalf.by", hasItem("room-editor")));
        mvc.perform(get("/api/intake/items").param("status", "SUBMITTED").param("q", "代录-单位列表").with(room()))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
        mvc.perform(post("/api/intake/items/{id}/receive", id).with(room()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.enteredOnBehalf.by").value("room-editor"));
        mvc.perform(get("/api/intake/items/{id}/audit", id).with(room()))
                .andExpect(jsonPath("$[*].action", hasItem("ENTERED_ON_BEHALF")))
                .andExpect(jsonPath("$[*].action", hasItem("SUBMITTED")));
    }

    @Test
    void aReturnedEnteredItemGoesBackToTheUnitsReporter() throws Exception {
        String id = entered("U006", null, "代录-退回");
        mvc.perform(post("/api/intake/items/{id}/return", id).with(room()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"opinion\":\"请补充数据来源\"}")).andExpect(status().isOk());

        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter("U006")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.revisionCount").value(2));
    }

    @Test
    void onlyTheRoomEntersForAUnit() throws Exception {
        for (RequestPostProcessor someone : new RequestPostProcessor[] {reporter("U006"), leader("U006"), admin(),
                user("banner", null, "viewer")}) {
            mvc.perform(post("/api/intake/items/on-behalf").with(someone).contentType(MediaType.APPLICATION_JSON)
                            .content(onBehalf("U006", null, "不是信息室")))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anUnknownUnitIsRefusedBesideTheUnitField() throws Exception {
        mvc.perform(post("/api/intake/items/on-behalf").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content(onBehalf("U999", null, "没有这个单位")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("item.unknown-unit"))
                .andExpect(jsonPath("$.detail").value("报送单位 U999 不存在"))
                .andExpect(jsonPath("$.errors[0].field").value("unitId"))
                .andExpect(jsonPath("$.errors[0].message").value("报送单位不存在"));
    }

    @Test
    void aTimeInTheFutureOrBeforeLastMonthIsRefusedBesideTheTimeField() throws Exception {
        mvc.perform(post("/api/intake/items/on-behalf").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content(onBehalf("U006", Instant.now().plus(1, ChronoUnit.DAYS), "明天的邮件")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("item.sent-at-in-future"))
                .andExpect(jsonPath("$.detail").value("报送时间不能晚于现在"))
                .andExpect(jsonPath("$.errors[0].field").value("sentAt"));
        mvc.perform(post("/api/intake/items/on-behalf").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content(onBehalf("U006", Instant.now().minus(70, ChronoUnit.DAYS), "两个月前的邮件")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("item.sent-at-too-early"))
                .andExpect(jsonPath("$.errors[0].field").value("sentAt"));
    }

    @Test
    void anIncompleteItemIsRefusedWithEveryFieldError() throws Exception {
        mvc.perform(post("/api/intake/items/on-behalf").with(room()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\": \"U006\", \"title\": \"只有标题\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("body")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("contactPhone")));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyEntersTheItemOnce() throws Exception {
        String first = mvc.perform(post("/api/intake/items/on-behalf").with(room())
                        .header("Idempotency-Key", "onbehalf-retry-1").contentType(MediaType.APPLICATION_JSON)
                        .content(onBehalf("U006", null, "代录-重试")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/intake/items/on-behalf").with(room())
                        .header("Idempotency-Key", "onbehalf-retry-1").contentType(MediaType.APPLICATION_JSON)
                        .content(onBehalf("U006", null, "代录-重试")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(again, "$.id"))
                .isEqualTo(JsonPath.read(first, "$.id"));
    }
}
