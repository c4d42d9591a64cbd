package cn.gov.eqq.govinfo.reporting.integration;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Drafting a circular (the official ranking notice) is in the audit log with who, when and from where. */
class RequestAuditIT extends ReportingStack {

    @Test
    void draftingACircularIsLoggedWithWhoWhenAndFromWhere() throws Exception {
        String editor = "audit-room-" + UUID.randomUUID();
        var token = jwt().jwt(j -> j.claims(c -> c.putAll(Map.of("preferred_username", editor,
                        "realm_access", Map.of("roles", List.of("info-room"))))))
                .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_info-room"));
        Instant before = Instant.now();
        mvc.perform(post("/api/reporting/circulars").with(token)
                        .header("X-Forwarded-For", "192.0.2.140").header("User-Agent", "portal/2026")
                        .header("X-Request-Id", "req-" + editor)
                        .contentType("application/json").content("{\"kind\":\"QUARTERLY\",\"period\":\"2031-Q2\"}"))
                .andExpect(status().isCreated());
        Instant after = Instant.now();

        var log = getJson("/api/reporting/audit", as("auditor"), "actor", editor);
        assertThat(log.get("total").asLong()).isEqualTo(1);
        var line = log.get("entries").get(0);
        assertThat(line.get("service").asString()).isEqualTo("reporting");
        assertThat(line.get("actor").get("username").asString()).isEqualTo(editor);
        assertThat(line.get("origin").get("clientAddress").asString()).isEqualTo("192.0.2.140");
        assertThat(line.get("origin").get("userAgent").asString()).isEqualTo("portal/2026");
        assertThat(line.get("origin").get("requestId").asString()).isEqualTo("req-" + editor);
        assertThat(line.get("action").get("path").asString()).isEqualTo("/api/reporting/circulars");
        assertThat(line.get("action").get("status").asInt()).isEqualTo(201);
        assertThat(Instant.parse(line.get("at").asString())).isBetween(before, after);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/reporting/audit")
                .with(as("dashboard"))).andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/reporting/audit")
                .with(as("info-room"))).andExpect(status().isForbidden());
    }
}
