package cn.gov.eqq.govinfo.platform.audit;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit interceptor and the read API in a whole application against the Mongo test server. */
@SpringBootTest(properties = {
        "spring.application.name=audit-test",
        "spring.config.import=classpath:govinfo-defaults.yml",
        "govinfo.audit.path=/api/things/audit",
        // the ingress and gateway pods of this test's "cluster", plus the loopback
        "govinfo.audit.trusted-proxies=10.0.0.0/8,127.0.0.0/8,::1/128"})
@AutoConfigureMockMvc
class AuditLogIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ThingController.class)
    static class App {
    }

    @RestController
    static class ThingController {
        @PostMapping("/api/things/{thingId}/approval")
        @PreAuthorize("hasRole('info-room')")
        ResponseEntity<Map<String, String>> approve(@PathVariable String thingId) {
            return ResponseEntity.created(URI.create("/api/things/" + thingId + "/approval/1"))
                    .body(Map.of("thing", thingId));
        }

        @DeleteMapping("/api/things/{thingId}")
        void remove(@PathVariable String thingId) {
            throw ApiProblem.conflict("thing.locked", "已锁定，不能删除");
        }

        @GetMapping("/api/things/{thingId}")
        Map<String, String> find(@PathVariable String thingId) {
            return Map.of("thing", thingId);
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("audit-test"));
    }

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyLog() {
        // the test's own database; the application code has no delete path
        mongo.getCollection(MongoAuditLog.COLLECTION).drop();
        mongo.getCollection(AuditChainHead.COLLECTION).drop();
    }

    @Test
    void aChangeIsRecordedWithWhoWhenFromWhereAndWhat() throws Exception {
        Instant before = Instant.now();
        mvc.perform(post("/api/things/T-7/approval")
                        .with(KeycloakJwtUsers.user("room-editor", null, "info-room"))
                        .with(r -> {
                            r.setRemoteAddr("10.0.0.5");
                            return r;
                        })
                        .header("X-Forwarded-For", "203.0.113.9, 10.0.0.4")
                        .header("User-Agent", "Mozilla/5.0 测试")
                        .header("X-Request-Id", "req-42")
                        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .andExpect(status().isCreated());

        List<Document> lines = mongo.findAll(Document.class, MongoAuditLog.COLLECTION);
        assertThat(lines).hasSize(1);
        AuditRecord line = MongoAuditLog.fromDocument(lines.get(0));
        assertThat(line.service()).isEqualTo("audit-test");
        assertThat(line.at()).isBetween(before, Instant.now());
        assertThat(line.actor()).isEqualTo(new AuditRecord.Actor("room-editor", "room-editor", null,
                java.util.Set.of("info-room")));
        assertThat(line.origin().clientAddress()).isEqualTo("203.0.113.9");
        assertThat(line.origin().forwardedFor()).isEqualTo("203.0.113.9, 10.0.0.4");
        assertThat(line.origin().peerAddress()).isEqualTo("10.0.0.5");
        assertThat(line.origin().userAgent()).isEqualTo("Mozilla/5.0 测试");
        assertThat(line.origin().requestId()).isEqualTo("req-42");
        assertThat(line.origin().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.action()).isEqualTo(new AuditRecord.Action("POST", "/api/things/T-7/approval",
                "/api/things/{thingId}/approval", Map.of("thingId", "T-7"), "/api/things/T-7/approval/1", 201,
                AuditRecord.Outcome.SUCCEEDED));
        // stored as a BSON date, so a WORM export and range queries see real times
        assertThat(lines.get(0).get("at")).isInstanceOf(Date.class);
    }

    @Test
    void withoutAForwardedHeaderThePeerIsTheClient() throws Exception {
        mvc.perform(post("/api/things/T-1/approval").with(KeycloakJwtUsers.room()).with(r -> {
            r.setRemoteAddr("192.0.2.33");
            return r;
        })).andExpect(status().isCreated());

        AuditRecord line = only();
        assertThat(line.origin().clientAddress()).isEqualTo("192.0.2.33");
        assertThat(line.origin().forwardedFor()).isNull();
    }

    @Test
    void refusedAttemptsAreOnRecordToo() throws Exception {
        mvc.perform(post("/api/things/T-2/approval").with(KeycloakJwtUsers.reporter("U006")))
                .andExpect(status().isForbidden());
        AuditRecord denied = only();
        assertThat(denied.actor().username()).isEqualTo("reporter-U006");
        assertThat(denied.actor().unitId()).isEqualTo("U006");
        assertThat(denied.action().status()).isEqualTo(403);
        assertThat(denied.action().outcome()).isEqualTo(AuditRecord.Outcome.REFUSED);

        mongo.getCollection(MongoAuditLog.COLLECTION).drop();
        mongo.getCollection(AuditChainHead.COLLECTION).drop();
        mvc.perform(delete("/api/things/T-2").with(KeycloakJwtUsers.room())).andExpect(status().isConflict());
        assertThat(only().action().status()).isEqualTo(409);
    }

    @Test
    void readsAreNotRecorded() throws Exception {
        mvc.perform(get("/api/things/T-3").with(KeycloakJwtUsers.room())).andExpect(status().isOk());
        assertThat(mongo.findAll(Document.class, MongoAuditLog.COLLECTION)).isEmpty();
    }

    @Test
    void theAuditorReadsTheLogNewestFirstPageByPageAndByActor() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/things/A-{n}/approval", i).with(KeycloakJwtUsers.user("room-a", null, "info-room")))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/things/B-1/approval").with(KeycloakJwtUsers.user("room-b", null, "info-room")))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/things/audit").param("actor", "room-a").param("size", "2")
                        .with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.entries.length()").value(2))
                .andExpect(jsonPath("$.entries[0].action.resourceIds.thingId").value("A-2"))
                .andExpect(jsonPath("$.entries[0].actor.username").value("room-a"))
                .andExpect(jsonPath("$.entries[0].at").isString());
        mvc.perform(get("/api/things/audit").param("actor", "room-a").param("size", "2").param("page", "1")
                        .with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].action.resourceIds.thingId").value("A-0"));
        mvc.perform(get("/api/things/audit").with(KeycloakJwtUsers.auditor()))
                .andExpect(jsonPath("$.total").value(4));
    }

    @Test
    void theAuditorExportsTheRangeAsAJsonLinesFileAndNobodyElseMay() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/things/E-{n}/approval", i).with(KeycloakJwtUsers.user("room-e", null, "info-room")))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/things/F-1/approval").with(KeycloakJwtUsers.user("room-f", null, "info-room")))
                .andExpect(status().isCreated());

        var exported = mvc.perform(get("/api/things/audit/export").param("actor", "room-e")
                        .with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".jsonl")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = exported.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"thingId\":\"E-2\"").contains("\"username\":\"room-e\"");
        assertThat(lines.get(2)).contains("\"thingId\":\"E-0\"");
        mvc.perform(get("/api/things/audit/export").with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString().lines()).hasSize(4));

        for (var caller : List.of(KeycloakJwtUsers.room(), KeycloakJwtUsers.admin(),
                KeycloakJwtUsers.user("sec", null, "security-admin"))) {
            mvc.perform(get("/api/things/audit/export").with(caller)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/things/audit/export").param("from", "2026-13-01").with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("audit.time-invalid"));
    }

    @Test
    void theLogIsFilteredByTime() throws Exception {
        Instant t0 = Instant.now();
        mvc.perform(post("/api/things/X/approval").with(KeycloakJwtUsers.room())).andExpect(status().isCreated());

        mvc.perform(get("/api/things/audit").param("from", t0.minus(Duration.ofMinutes(1)).toString())
                        .param("to", t0.plus(Duration.ofMinutes(5)).toString()).with(KeycloakJwtUsers.auditor()))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/things/audit").param("from", t0.plus(Duration.ofMinutes(5)).toString())
                        .with(KeycloakJwtUsers.auditor()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/things/audit").param("to", "2020-01-01").with(KeycloakJwtUsers.auditor()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void onlyTheAuditorReadsTheLogAndVerifiesTheChain() throws Exception {
        // 三员分立: the room, the system administrator and the security administrator are recorded, not reviewers
        for (var caller : List.of(KeycloakJwtUsers.reporter("U006"), KeycloakJwtUsers.room(), KeycloakJwtUsers.admin(),
                KeycloakJwtUsers.user("sec", null, "security-admin"), KeycloakJwtUsers.viewer())) {
            mvc.perform(get("/api/things/audit").with(caller))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.title").value("无权操作"));
            mvc.perform(get("/api/things/audit/verification").with(caller)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/things/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/things/audit").with(KeycloakJwtUsers.auditor())).andExpect(status().isOk());
    }

    @Test
    void theAuditorAndTheSecurityAdministratorDoNoBusiness() throws Exception {
        for (var caller : List.of(KeycloakJwtUsers.auditor(), KeycloakJwtUsers.user("sec", null, "security-admin"))) {
            mvc.perform(get("/api/things/T-3").with(caller)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.title").value("无权操作"));
            mvc.perform(post("/api/things/T-3/approval").with(caller)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/things/T-3").with(KeycloakJwtUsers.viewer())).andExpect(status().isOk());
    }

    @Test
    void everyLineTakesTheNextPlaceInTheChainAndTheAuditorSeesItIntact() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/things/C-{n}/approval", i).with(KeycloakJwtUsers.room()))
                    .andExpect(status().isCreated());
        }
        List<Document> lines = mongo.findAll(Document.class, MongoAuditLog.COLLECTION);
        assertThat(lines).extracting(d -> ((Number) d.get("chain", Document.class).get("seq")).longValue())
                .containsExactlyInAnyOrder(1L, 2L, 3L);
        mvc.perform(get("/api/things/audit/verification").with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.linesChecked").value(3))
                .andExpect(jsonPath("$.headSeq").value(3));
    }

    @Test
    void aForgedForwardedEntryIsNotTakenForTheClient() throws Exception {
        // the client wrote 198.51.100.66 itself; the ingress (10.0.0.4) appended what it saw, 203.0.113.9
        mvc.perform(post("/api/things/S-1/approval").with(KeycloakJwtUsers.room()).with(r -> {
            r.setRemoteAddr("10.0.0.5");
            return r;
        }).header("X-Forwarded-For", "198.51.100.66, 203.0.113.9, 10.0.0.4")).andExpect(status().isCreated());
        AuditRecord line = only();
        assertThat(line.origin().clientAddress()).isEqualTo("203.0.113.9");
        assertThat(line.origin().forwardedFor()).isEqualTo("198.51.100.66, 203.0.113.9, 10.0.0.4");
    }

    @Test
    void aCallerThatIsNotOurProxyIsTheClientWhateverItsHeaderSays() throws Exception {
        mvc.perform(post("/api/things/S-2/approval").with(KeycloakJwtUsers.room()).with(r -> {
            r.setRemoteAddr("192.0.2.50");
            return r;
        }).header("X-Forwarded-For", "10.0.0.1")).andExpect(status().isCreated());
        assertThat(only().origin().clientAddress()).isEqualTo("192.0.2.50");
    }

    @Test
    void badQueriesAre400ProblemsInChinese() throws Exception {
        mvc.perform(get("/api/things/audit").param("from", "昨天").with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("audit.time-invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/things/audit").param("from", "2026-08-01").param("to", "2026-07-01")
                        .with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("开始时间")));
        mvc.perform(get("/api/things/audit").param("page", "-1").with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("audit.page-invalid"));
        mvc.perform(get("/api/things/audit").param("size", "100000").with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("audit.size-invalid"));
        mvc.perform(get("/api/things/audit").param("page", "abc").with(KeycloakJwtUsers.auditor()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("type-mismatch"));
    }

    @Test
    void aDayMeansTheWholeBeijingDay() {
        assertThat(AuditLogController.parse("from", "2026-07-01", false)).isEqualTo(Instant.parse("2026-06-30T16:00:00Z"));
        assertThat(AuditLogController.parse("to", "2026-07-31", true)).isEqualTo(Instant.parse("2026-07-31T16:00:00Z"));
        assertThat(AuditLogController.parse("to", "2026-07-31T08:00:00+08:00", true))
                .isEqualTo(Instant.parse("2026-07-31T00:00:00Z"));
    }

    private AuditRecord only() {
        List<Document> lines = mongo.findAll(Document.class, MongoAuditLog.COLLECTION);
        assertThat(lines).hasSize(1);
        return MongoAuditLog.fromDocument(lines.get(0));
    }

}
