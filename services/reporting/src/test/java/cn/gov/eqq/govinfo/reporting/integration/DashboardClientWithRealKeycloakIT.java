package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The city dashboard's real Keycloak client (service account, role {@code dashboard}) against the service's real
 * token validation: it reads, it cannot write, and its client cannot be used by anyone without its secret or for a
 * person's login.
 */
class DashboardClientWithRealKeycloakIT extends ReportingStack {

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> KeycloakTestServer.get().issuerUri());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> KeycloakTestServer.get().issuerUri() + "/protocol/openid-connect/certs");
    }

    /**
     * A freshly started Keycloak on a loaded machine can take longer than the resource server's read timeout to
     * answer its first key-set request; ask once here so the service's own first fetch is a warm one.
     */
    @BeforeAll
    static void warmUpKeySet() throws Exception {
        HttpResponse<String> certs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KeycloakTestServer.get().issuerUri() + "/protocol/openid-connect/certs"))
                .timeout(java.time.Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(certs.statusCode()).isEqualTo(200);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void theDashboardServiceAccountReadsTheFeedButCannotWrite() throws Exception {
        String token = KeycloakTestServer.get().tokens().cityDashboard();

        mvc.perform(get("/api/reporting/feed/rankings").header("Authorization", bearer(token)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/reporting/feed/circulars").header("Authorization", bearer(token)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/reporting/circulars").header("Authorization", bearer(token))
                        .contentType("application/json").content("{\"kind\":\"QUARTERLY\",\"period\":\"2029-Q1\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/reporting/circulars/QUARTERLY-2029-Q1-v1/publish").header("Authorization", bearer(token)))
                .andExpect(status().isForbidden());
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nobodyElseCanUseTheDashboardClient() throws Exception {
        Tokens tokens = KeycloakTestServer.get().tokens();
        // without its secret
        assertThatThrownBy(() -> tokens.clientCredentials(Tokens.DASHBOARD_CLIENT_ID, "guessed-secret"))
                .hasMessageContaining("HTTP 401");
        // a person cannot log in through it (no password grant, no browser flow on this client)
        var response = postForm(tokens.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", Tokens.DASHBOARD_CLIENT_ID, "client_secret", Tokens.DASHBOARD_CLIENT_SECRET,
                "username", "room-editor", "password", Tokens.DEMO_PASSWORD));
        assertThat(response.statusCode()).isBetween(400, 401);
        assertThat(response.body()).contains("unauthorized_client");
    }

    @Test
    void peopleDoNotGetTheDashboardFeed() throws Exception {
        String reporter = KeycloakTestServer.get().tokens().password("u007-reporter");
        mvc.perform(get("/api/reporting/feed/rankings").header("Authorization", bearer(reporter)))
                .andExpect(status().isForbidden());
        String leader = KeycloakTestServer.get().tokens().password("banner-leader");
        mvc.perform(get("/api/reporting/feed/rankings").header("Authorization", bearer(leader)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/reporting/feed/rankings").header("Authorization", bearer(leader + "x")))
                .andExpect(status().isUnauthorized());
    }
}
