package cn.gov.eqq.govinfo.commission.integration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.UUID;

import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.auditor;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.room;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issuing a commission (it decides who can earn the commission bonus) is in the audit log with who/when/where. */
class RequestAuditTest extends CommissionAppTestBase {

    @Test
    void issuingACommissionIsLoggedWithWhoWhenAndFromWhere() throws Exception {
        String editor = "audit-room-" + UUID.randomUUID();
        Instant before = Instant.now();
        String location = mvc.perform(post("/api/commission/commissions").with(user(editor, null, "info-room"))
                        .header("X-Forwarded-For", "198.51.100.23").header("User-Agent", "portal/2026")
                        .header("X-Request-Id", "req-" + editor)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"审计约稿","requirements":"800字以内",
                                 "targetUnitIds":["U001"],"deadline":"2026-07-31T23:59"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        Instant after = Instant.now();

        String log = mvc.perform(get("/api/commission/audit").param("actor", editor).with(auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].service").value("commission-tasking"))
                .andExpect(jsonPath("$.entries[0].actor.username").value(editor))
                .andExpect(jsonPath("$.entries[0].actor.roles[0]").value("info-room"))
                .andExpect(jsonPath("$.entries[0].origin.clientAddress").value("198.51.100.23"))
                .andExpect(jsonPath("$.entries[0].origin.userAgent").value("portal/2026"))
                .andExpect(jsonPath("$.entries[0].origin.requestId").value("req-" + editor))
                .andExpect(jsonPath("$.entries[0].action.method").value("POST"))
                .andExpect(jsonPath("$.entries[0].action.path").value("/api/commission/commissions"))
                .andExpect(jsonPath("$.entries[0].action.location").value(location))
                .andExpect(jsonPath("$.entries[0].action.status").value(201))
                .andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(JsonPath.<String>read(log, "$.entries[0].at"))).isBetween(before, after);
    }

    @Test
    void aUnitCannotReadTheLog() throws Exception {
        mvc.perform(get("/api/commission/audit").with(user("u", "U001", "reporter"))).andExpect(status().isForbidden());
    }
}
