package cn.gov.eqq.govinfo.gateway;

import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A valid caller whose service is not running gets a Chinese 503 problem, not Boot's 500 error page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class GatewayServiceDownTest {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("govinfo.gateway.security.issuer-uri", () -> KeycloakTestServer.get().issuerUri());
        registry.add("SCORING_URI", () -> "http://127.0.0.1:" + KeycloakTestServer.freePort());
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void serviceThatIsNotRunningGivesA503Problem() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(60))
                .build()
                .get().uri("/api/scoring/rankings")
                .header("Authorization", "Bearer " + KeycloakTestServer.get().tokens().password("banner-leader"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.title").isEqualTo("服务暂不可用")
                .jsonPath("$.code").isEqualTo("upstream-unavailable")
                .jsonPath("$.detail").isEqualTo("目标服务暂不可用，请稍后重试");
    }
}
