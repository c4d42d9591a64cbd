package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * The whole service against a real in-process Kafka broker (KRaft) and the test MongoDB. One Spring context (and so
 * one broker) is shared by every subclass: each test uses its own periods and ids so they do not see each other.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.kafka.retry.attempts=1",
        "govinfo.kafka.retry.interval-ms=50",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/never-called"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
@Import(ReportingStack.TestClock.class)
public abstract class ReportingStack {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return MutableClock.ticking();
        }
    }

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("reporting-it"));
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventCodec codec;

    /** Publishes a contract event the way its producer would: envelope JSON, key = aggregate key. */
    protected String publish(String topic, IntegrationEvent payload) throws Exception {
        EventEnvelope<?> envelope = EventEnvelope.wrap(payload, producerOf(topic), Instant.now());
        kafka.send(topic, envelope.key(), codec.encode(envelope)).get(10, TimeUnit.SECONDS);
        return envelope.eventId();
    }

    /** GET as the given role and return the body as a JSON tree (expects 200). */
    protected tools.jackson.databind.JsonNode getJson(String path, RequestPostProcessor who, String... params)
            throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(who);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String body = mvc.perform(request)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return codec.tree(body);
    }

    protected void publishRaw(String topic, String key, String value) throws Exception {
        kafka.send(topic, key, value).get(10, TimeUnit.SECONDS);
    }

    private static String producerOf(String topic) {
        return Topics.ALL.stream().filter(s -> s.name().equals(topic)).findFirst().map(Topics.Spec::writer)
                .orElse("test");
    }

    /** A token as Keycloak would issue it: realm roles under realm_access, the unit in unit_id. */
    protected static RequestPostProcessor as(String role, String unitId) {
        return jwt().jwt(j -> {
            Map<String, Object> claims = new HashMap<>();
            claims.put("realm_access", Map.of("roles", List.of(role)));
            claims.put("preferred_username", role + (unitId == null ? "" : "-" + unitId));
            if (unitId != null) {
                claims.put("unit_id", unitId);
            }
            j.claims(c -> c.putAll(claims));
        }).authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    protected static RequestPostProcessor as(String role) {
        return as(role, null);
    }
}
