package cn.gov.eqq.govinfo.platform.problem;

import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any controller (here by Spring Security's firewall, on a real Tomcat) get the same Chinese
 * problem as everything else, not Boot's {@code {timestamp, status, error, path}} error page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=error-page-test",
        "spring.config.import=classpath:govinfo-defaults.yml",
        "server.address=127.0.0.1",
        "govinfo.audit.enabled=false"})
class ErrorPageProblemTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ItemController.class)
    static class App {
    }

    @RestController
    static class ItemController {
        @GetMapping("/api/items/{id}")
        String item(@PathVariable String id) {
            return id;
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("error-page-test"));
    }

    @MockitoBean
    JwtDecoder jwtDecoder;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aUrlTheFirewallRefusesIsA400ProblemInChinese() throws Exception {
        for (String path : new String[] {"/api/items/a%2Fb", "/api/items/a%25b", "/api/items/a%0Ab", "/api/items/a;b",
                "/api/items/%2e%2e/x"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(path).contains("\"code\":\"request-rejected\"").contains("请求有误")
                    .doesNotContain("timestamp");
        }
    }

    @Test
    void theErrorPageCalledAsAnAddressOfItsOwnIsA404AndNotInTheApiDocument() throws Exception {
        HttpResponse<String> response = get("/error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"not-found\"");
        HttpResponse<String> apiDocs = get("/v3/api-docs");
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("/api/items/{id}").doesNotContain("\"/error\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
