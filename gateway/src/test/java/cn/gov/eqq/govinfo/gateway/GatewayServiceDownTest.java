package cn.gov.eqq.govinfo.gateway;

import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A valid caller whose service is down or too slow gets a Chinese problem (503 / 504), not Boot's 500 page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"})
class GatewayServiceDownTest {

    private static final Backend SLOW = new Backend("reporting", Duration.ofSeconds(4));
    /** Stands for a service that crashes while it handles the call: reads the request, closes without an answer. */
    private static final java.net.ServerSocket CRASHING;

    static {
        try {
            CRASHING = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!CRASHING.isClosed()) {
                try (java.net.Socket socket = CRASHING.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                } catch (java.io.IOException e) {
                    // closed: the test is over
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("govinfo.gateway.security.issuer-uri", () -> KeycloakTestServer.get().issuerUri());
        registry.add("SCORING_URI", () -> "http://127.0.0.1:" + KeycloakTestServer.freePort());
        registry.add("REPORTING_URI", SLOW::uri);
        registry.add("ADOPTION_URI", () -> "http://127.0.0.1:" + CRASHING.getLocalPort());
    }

    @AfterAll
    static void stopBackend() throws java.io.IOException {
        SLOW.close();
        CRASHING.close();
    }

    @Value("${local.server.port}")
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void serviceTooSlowGivesA504Problem() {
        client().get().uri("/api/reporting/circulars")
                .header("Authorization", "Bearer " + KeycloakTestServer.get().tokens().password("banner-leader"))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("下游服务响应超时")
                .jsonPath("$.code").isEqualTo("upstream-timeout");
    }

    @Test
    void serviceThatIsNotRunningGivesA503Problem() {
        client().get().uri("/api/scoring/rankings")
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

    @Test
    void serviceThatDropsTheConnectionGivesA502ProblemNotA500() {
        client().post().uri("/api/adoption/records")
                .header("Authorization", "Bearer " + KeycloakTestServer.get().tokens().password("room-editor"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("下游服务出错")
                .jsonPath("$.code").isEqualTo("upstream-failed");
    }
}
