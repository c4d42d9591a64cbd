package cn.gov.eqq.govinfo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The per-user rate limit with a tiny bucket (3 requests, one more every 100 s) in front of stand-in services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "govinfo.gateway.rate-limit.capacity=3",
                "govinfo.gateway.rate-limit.refill-per-second=0.01"})
class GatewayRateLimitTest {

    private static final Backend REPORTING = new Backend("reporting");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("REPORTING_URI", REPORTING::uri);
        registry.add("govinfo.gateway.security.issuer-uri", () -> KeycloakTestServer.get().issuerUri());
    }

    @AfterAll
    static void stop() {
        REPORTING.close();
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        REPORTING.reset();
    }

    private static String tokenOf(String subject) {
        return KeycloakTestServer.get().forgedTokens().with(Map.of("sub", subject));
    }

    @Test
    void aUserBeyondTheBurstGetsAChinese429WithRetryAfterAndTheServiceSeesNoMore() {
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/reporting/rankings").header("Authorization", "Bearer " + tokenOf(subject))
                    .exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(2 - i));
        }

        client.get().uri("/api/reporting/rankings").header("Authorization", "Bearer " + tokenOf(subject))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "100")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("请求过于频繁")
                .jsonPath("$.code").isEqualTo("rate-limited")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("100 秒后重试"));

        assertThat(REPORTING.received()).hasSize(3);
    }

    @Test
    void theLimitIsPerSubjectNotPerTokenNorForEveryone() {
        String first = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            // a fresh token each time: a user cannot escape by fetching new tokens
            client.get().uri("/api/reporting/rankings").header("Authorization", "Bearer " + tokenOf(first))
                    .exchange().expectStatus().isOk();
        }
        client.get().uri("/api/reporting/rankings").header("Authorization", "Bearer " + tokenOf(first))
                .exchange().expectStatus().isEqualTo(429);

        client.get().uri("/api/reporting/rankings")
                .header("Authorization", "Bearer " + tokenOf(UUID.randomUUID().toString()))
                .exchange().expectStatus().isOk();
    }

    @Test
    void callsWithoutAValidTokenAre401AndDoNotCountAgainstAnyone() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/reporting/rankings").exchange().expectStatus().isUnauthorized();
            client.get().uri("/api/reporting/rankings")
                    .header("Authorization", "Bearer " + KeycloakTestServer.get().forgedTokens().expired())
                    .exchange().expectStatus().isUnauthorized();
        }
        assertThat(REPORTING.received()).isEmpty();
    }

    @Test
    void healthChecksAreNeverLimited() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }
}
