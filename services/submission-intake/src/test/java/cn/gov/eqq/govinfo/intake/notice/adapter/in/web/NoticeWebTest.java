package cn.gov.eqq.govinfo.intake.notice.adapter.in.web;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 站内提醒 through the HTTP API: the unit's reporter reads what the room did with its items, marks them read on the
 * server, and the unit's leader reads the items waiting for sign-off; nobody else has notices here.
 */
class NoticeWebTest extends IntakeIntegrationTest {

    /** A reader of its own per test, so the read mark is this test's; the items are written by the unit's reporter. */
    private final RequestPostProcessor reader = user("notice-rep-" + UUID.randomUUID(), "U008", "reporter");
    private final RequestPostProcessor leaderReader = user("notice-lead-" + UUID.randomUUID(), "U008", "unit-leader");
    private final String since = Instant.now().minusMillis(1).toString();

    @Test
    void theReporterReadsTheRoomsReturnWithItsOpinionAndMarksItReadOnTheServer() throws Exception {
        String id = submitted("U008", goodNews("提醒-退回的信息"));
        mvc.perform(post("/api/intake/items/{id}/return", id).with(room())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"请补充具体数据。\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/intake/notices").param("since", since).with(reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.notices", hasSize(1)))
                .andExpect(jsonPath("$.notices[0].kind").value("RETURNED"))
                .andExpect(jsonPath("$.notices[0].kindLabel").value("退回修改"))
                .andExpect(jsonPath("$.notices[0].itemId").value(id))
                .andExpect(jsonPath("$.notices[0].text").value("信息室退回了《提醒-退回的信息》，请修改后重新报送"))
                .andExpect(jsonPath("$.notices[0].detail").value("请补充具体数据。"))
                .andExpect(jsonPath("$.notices[0].read").value(false));

        mvc.perform(post("/api/intake/notices/read").with(reader)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.readUpTo").isNotEmpty());
        mvc.perform(get("/api/intake/notices").param("since", since).with(reader))
                .andExpect(jsonPath("$.unread").value(0))
                .andExpect(jsonPath("$.notices[0].read").value(true));

        String received = submitted("U008", goodNews("提醒-接收的信息"));
        mvc.perform(post("/api/intake/items/{id}/receive", received).with(room())).andExpect(status().isOk());
        mvc.perform(get("/api/intake/notices").param("since", since).with(reader))
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.notices[0].text").value("信息室已接收《提醒-接收的信息》"))
                .andExpect(jsonPath("$.notices[0].read").value(false))
                .andExpect(jsonPath("$.notices[1].read").value(true));
    }

    @Test
    void theLeaderReadsASignOffRequestWhileTheItemWaitsAndTheReporterReadsTheSignOff() throws Exception {
        String id = submitted("U008", itemJson("提醒-重大事件", "7月9日夜，城川镇遭遇强降雨，两条乡道中断。",
                "PROBLEM", "PROBLEM", true, "建议尽快安排抢修资金。"));

        mvc.perform(get("/api/intake/notices").param("since", since).with(leaderReader))
                .andExpect(jsonPath("$.notices[0].kind").value("SIGN_OFF_REQUESTED"))
                .andExpect(jsonPath("$.notices[0].text").value("《提醒-重大事件》是重大事件信息，等待您签批"));
        mvc.perform(get("/api/intake/notices").param("since", since).with(reader))
                .andExpect(jsonPath("$.notices", hasSize(0)));

        mvc.perform(post("/api/intake/items/{id}/sign-off", id).with(leader("U008"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"同意报送。\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/intake/notices").param("since", since).with(reader))
                .andExpect(jsonPath("$.notices[0].kind").value("SIGNED_OFF"))
                .andExpect(jsonPath("$.notices[0].text", containsString("已签批《提醒-重大事件》")))
                .andExpect(jsonPath("$.notices[0].detail").value("同意报送。"));
        // signed: no longer a request to the leader
        mvc.perform(get("/api/intake/notices").param("since", since).with(leaderReader))
                .andExpect(jsonPath("$.notices[?(@.kind == 'SIGN_OFF_REQUESTED')]", hasSize(0)));
    }

    @Test
    void onlyAUnitsReporterAndLeaderHaveNotices() throws Exception {
        mvc.perform(get("/api/intake/notices").with(room()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("站内提醒只发给报送单位的信息员和领导"));
        mvc.perform(post("/api/intake/notices/read").with(user("viewer-1", null, "viewer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/intake/notices").param("limit", "0").with(reader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("notices.limit"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/intake/notices").param("since", "昨天").with(reader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("notices.since"));
    }
}
