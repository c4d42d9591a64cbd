package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real intake actions end up in the service's request audit log (service-defaults) with who, when and from where;
 * the items' own trail keeps answering {@code ?period=} on the same path.
 */
class RequestAuditIntegrationTest extends IntakeIntegrationTest {

    @Test
    void aSubmissionAndTheRoomsReceiptAreLoggedWithWhoWhenAndFromWhere() throws Exception {
        String reporter = "audit-rep-" + UUID.randomUUID();
        Instant before = Instant.now();
        String created = mvc.perform(post("/api/intake/items").with(user(reporter, "U006", "reporter"))
                        .header("X-Forwarded-For", "203.0.113.61, 10.42.0.7").header("User-Agent", "审计测试/1.0")
                        .header("X-Request-Id", "req-" + reporter)
                        .contentType(MediaType.APPLICATION_JSON).content(goodNews("审计：我旗召开信息工作推进会")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String itemId = JsonPath.read(created, "$.id");
        mvc.perform(post("/api/intake/items/{id}/submit", itemId).with(user(reporter, "U006", "reporter")))
                .andExpect(status().isOk());
        Instant after = Instant.now();

        String log = mvc.perform(get("/api/intake/audit").param("actor", reporter).with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                // newest first: the submission, then the draft
                .andExpect(jsonPath("$.entries[0].action.path").value("/api/intake/items/" + itemId + "/submit"))
                .andExpect(jsonPath("$.entries[0].action.status").value(200))
                .andExpect(jsonPath("$.entries[0].action.outcome").value("SUCCEEDED"))
                .andExpect(jsonPath("$.entries[1].service").value("submission-intake"))
                .andExpect(jsonPath("$.entries[1].actor.username").value(reporter))
                .andExpect(jsonPath("$.entries[1].actor.unitId").value("U006"))
                .andExpect(jsonPath("$.entries[1].actor.roles[0]").value("reporter"))
                .andExpect(jsonPath("$.entries[1].origin.clientAddress").value("203.0.113.61"))
                .andExpect(jsonPath("$.entries[1].origin.forwardedFor").value("203.0.113.61, 10.42.0.7"))
                .andExpect(jsonPath("$.entries[1].origin.userAgent").value("审计测试/1.0"))
                .andExpect(jsonPath("$.entries[1].origin.requestId").value("req-" + reporter))
                .andExpect(jsonPath("$.entries[1].action.method").value("POST"))
                .andExpect(jsonPath("$.entries[1].action.path").value("/api/intake/items"))
                .andExpect(jsonPath("$.entries[1].action.status").value(201))
                .andReturn().getResponse().getContentAsString();
        Instant at = Instant.parse(JsonPath.read(log, "$.entries[1].at"));
        assertThat(at).isBetween(before, after);
    }

    @Test
    void aRefusedAttemptIsLoggedToo() throws Exception {
        String reporter = "audit-other-" + UUID.randomUUID();
        String itemId = submitted("U006", goodNews("审计：他单位的信息"));
        // a reporter of another unit may not act on U006's item
        mvc.perform(post("/api/intake/items/{id}/submit", itemId).with(user(reporter, "U001", "reporter")))
                .andExpect(status().is4xxClientError());

        mvc.perform(get("/api/intake/audit").param("actor", reporter).with(KeycloakJwtUsers.auditor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].actor.unitId").value("U001"))
                .andExpect(jsonPath("$.entries[0].action.resourceIds.itemId").value(itemId))
                .andExpect(jsonPath("$.entries[0].action.outcome").value("REFUSED"));
    }

    @Test
    void theItemTrailHasItsOwnPathAndReportersReadNeither() throws Exception {
        mvc.perform(get("/api/intake/item-audit").param("period", "2026-07").with(room()))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
        mvc.perform(get("/api/intake/item-audit").param("period", "2026-07").with(reporter("U006")))
                .andExpect(status().isForbidden());
        // the request audit log no longer answers a period with the item trail: it is for the auditor only
        mvc.perform(get("/api/intake/audit").param("period", "2026-07").with(room()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/intake/audit").with(reporter("U006"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/intake/audit").with(room())).andExpect(status().isForbidden());
        mvc.perform(get("/api/intake/audit").with(admin())).andExpect(status().isForbidden());
    }
}
