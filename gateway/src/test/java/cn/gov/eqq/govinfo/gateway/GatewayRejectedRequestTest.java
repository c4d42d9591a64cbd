package cn.gov.eqq.govinfo.gateway;

import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Paths the security firewall refuses get the gateway's Chinese problem, not a bare 400 (found by the fuzzer). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class GatewayRejectedRequestTest {

    private static final Backend INTAKE = new Backend("intake");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URI", INTAKE::uri);
        registry.add("govinfo.gateway.security.issuer-uri", () -> KeycloakTestServer.get().issuerUri());
    }

    @AfterAll
    static void stop() {
        INTAKE.close();
    }

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/intake/items/..%2F..%2Fetc%2Fpasswd", "/api/intake/items/%2500",
            "/api/intake/items/U001%0D%0AX-Injected%3A%201"})
    void aPathTheFirewallRefusesIsAProblem(String path) {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + KeycloakTestServer.get().forgedTokens().wellFormed())
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("request-rejected")
                .jsonPath("$.title").isEqualTo("请求有误");
        org.assertj.core.api.Assertions.assertThat(INTAKE.received()).isEmpty();
    }
}
