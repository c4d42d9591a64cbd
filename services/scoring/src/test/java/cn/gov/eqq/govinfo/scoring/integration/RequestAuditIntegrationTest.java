package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrative changes to scoring — a replay that rebuilds every unit's points, an attempt to change the scoring
 * rules — are in the audit log with who, when and from where.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.kafka.topic-partitions=1"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
        Topics.RANKINGS, Topics.ITEM_SCORES, Topics.POLICIES, Topics.CIRCULARS})
class RequestAuditIntegrationTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("scoring-audit-" + UUID.randomUUID()));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aReplayByTheAdministratorIsLoggedWithWhoWhenAndFromWhere() throws Exception {
        String admin = "audit-admin-" + UUID.randomUUID();
        Instant before = Instant.now();
        mvc.perform(post("/api/scoring/replay").with(KeycloakJwtUsers.user(admin, null, "admin"))
                        .header("X-Forwarded-For", "203.0.113.200").header("User-Agent", "ops-console/1")
                        .header("X-Request-Id", "req-" + admin))
                .andExpect(status().isAccepted());
        Instant after = Instant.now();

        String log = mvc.perform(get("/api/scoring/audit").param("actor", admin).with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].service").value("scoring"))
                .andExpect(jsonPath("$.entries[0].actor.username").value(admin))
                .andExpect(jsonPath("$.entries[0].actor.roles[0]").value("admin"))
                .andExpect(jsonPath("$.entries[0].origin.clientAddress").value("203.0.113.200"))
                .andExpect(jsonPath("$.entries[0].origin.userAgent").value("ops-console/1"))
                .andExpect(jsonPath("$.entries[0].origin.requestId").value("req-" + admin))
                .andExpect(jsonPath("$.entries[0].action.path").value("/api/scoring/replay"))
                .andExpect(jsonPath("$.entries[0].action.status").value(202))
                .andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(JsonPath.<String>read(log, "$.entries[0].at"))).isBetween(before, after);
    }

    @Test
    void anAttemptToChangeTheRulesWithoutTheRightIsLoggedAsRefused() throws Exception {
        String editor = "audit-room-" + UUID.randomUUID();
        mvc.perform(post("/api/scoring/policies").with(KeycloakJwtUsers.user(editor, null, "info-room"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/scoring/audit").param("actor", editor).with(KeycloakJwtUsers.auditor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].action.path").value("/api/scoring/policies"))
                .andExpect(jsonPath("$.entries[0].action.status").value(403))
                .andExpect(jsonPath("$.entries[0].action.outcome").value("REFUSED"));
        mvc.perform(get("/api/scoring/audit").with(KeycloakJwtUsers.viewer())).andExpect(status().isForbidden());
        mvc.perform(get("/api/scoring/audit").with(KeycloakJwtUsers.admin())).andExpect(status().isForbidden());
    }
}
