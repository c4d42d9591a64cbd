package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import com.jayway.jsonpath.JsonPath;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import cn.gov.eqq.govinfo.contracts.Topics;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole service against the real in-process Kafka broker (KRaft) and the Mongo test server. All subclasses share
 * one application context (same configuration), so the broker and the server start once per test run. Tokens are
 * built like Keycloak's: realm roles under {@code realm_access.roles}, the unit in {@code unit_id}.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.kafka.topic-partitions=1",
        "server.address=127.0.0.1",
        // the ingress pods (10.42.0.0/16) are our proxies, so the address they saw is the client (docs/audit.md)
        "govinfo.audit.trusted-proxies=127.0.0.0/8,10.42.0.0/16"})
@AutoConfigureMockMvc
// the circulars' topic exists from the start, as the catalogue creates it, so intake's listener reads it at once
@EmbeddedKafka(partitions = 1, topics = Topics.CIRCULARS)
public abstract class IntakeIntegrationTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("intake-test"));
    }

    @Autowired
    protected MockMvc mvc;

    protected static RequestPostProcessor user(String username, String unitId, String... roles) {
        return jwt().jwt(j -> {
            j.subject("sub-" + username).claim("preferred_username", username).claim("name", username)
                    .claim("realm_access", Map.of("roles", List.of(roles)));
            if (unitId != null) {
                j.claim("unit_id", unitId);
            }
        }).authorities(Arrays.stream(roles).<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    protected static RequestPostProcessor reporter(String unitId) {
        return user("rep-" + unitId, unitId, "reporter");
    }

    protected static RequestPostProcessor leader(String unitId) {
        return user("lead-" + unitId, unitId, "unit-leader");
    }

    protected static RequestPostProcessor room() {
        return user("room-editor", null, "info-room");
    }

    protected static RequestPostProcessor admin() {
        return user("admin", null, "admin");
    }

    protected static String itemJson(String title, String body, String category, String polarity,
                                     boolean majorEvent, String countermeasures) {
        return """
                {"title": %s, "body": %s, "category": "%s", "topics": ["DEEPENING_REFORM"],
                 "eventDate": "2026-07-10", "reporterName": "张信息员", "contactPhone": "0477-7622029",
                 "polarity": "%s", "majorEvent": %s, "majorEmergency": false, "countermeasures": %s}
                """.formatted(quote(title), quote(body), category, polarity, majorEvent, quote(countermeasures));
    }

    protected static String goodNews(String title) {
        return itemJson(title, "7月10日，我旗召开政务信息工作推进会，部署下半年信息报送工作。", "DYNAMIC", "GOOD_NEWS",
                false, null);
    }

    protected static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\"", "\\\"") + "\"";
    }

    /** Creates a draft as the reporter of the unit and returns its id. */
    protected String draft(String unitId, String json) throws Exception {
        String body = mvc.perform(post("/api/intake/items").with(reporter(unitId))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    protected String submitted(String unitId, String json) throws Exception {
        String id = draft(unitId, json);
        mvc.perform(post("/api/intake/items/{id}/submit", id).with(reporter(unitId))).andExpect(status().isOk());
        return id;
    }

    /**
     * Uploads a history file as the room (202, {@code Location} the batch) and waits until the background import
     * has finished it; returns the batch's final status (DONE or FAILED) as JSON.
     */
    protected String importHistory(String fileName, String csv) throws Exception {
        var accepted = mvc.perform(multipart("/api/intake/imports").file(new MockMultipartFile("file", fileName,
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(room()))
                .andExpect(status().isAccepted()).andReturn().getResponse();
        String location = accepted.getHeader("Location");
        String[] status = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            status[0] = mvc.perform(get(location).with(room())).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            return List.of("DONE", "FAILED").contains(JsonPath.<String>read(status[0], "$.state"));
        });
        return status[0];
    }
}
