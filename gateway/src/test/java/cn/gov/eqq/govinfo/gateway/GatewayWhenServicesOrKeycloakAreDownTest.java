package cn.gov.eqq.govinfo.gateway;

import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway started against a Keycloak that cannot be reached (a closed port) and services that are not running:
 * it starts, its probes are up, and callers get Chinese problems with the right status instead of a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class GatewayWhenServicesOrKeycloakAreDownTest {

    private static final int CLOSED_PORT = KeycloakTestServer.freePort();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("govinfo.gateway.security.issuer-uri",
                () -> "http://127.0.0.1:" + CLOSED_PORT + "/realms/govinfo");
        registry.add("INTAKE_URI", () -> "http://127.0.0.1:" + KeycloakTestServer.freePort());
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void tokenThatCannotBeCheckedGetsA503NotA500() {
        // A real token: the gateway must fetch Keycloak's keys to check it, and Keycloak is unreachable.
        String token = KeycloakTestServer.get().tokens().password("u001-reporter");
        client.get().uri("/api/intake/items")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("服务暂不可用")
                .jsonPath("$.code").isEqualTo("auth-unavailable")
                .jsonPath("$.detail").isEqualTo("暂时无法连接身份认证服务（Keycloak）以验证令牌，请稍后重试");
    }

    @Test
    void missingOrMalformedTokenIsStillA401() {
        client.get().uri("/api/intake/items").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/intake/items").header("Authorization", "Bearer not-a-jwt")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void probesStayUpWhileKeycloakIsDown() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }
}
