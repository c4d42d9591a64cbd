package cn.gov.eqq.govinfo.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The browser side of the gateway without Keycloak running: the portal's files with their security headers, the
 * start of the sign-in (authorization code with PKCE towards the configured issuer), and the refusals a browser
 * without a session or without the CSRF token gets. The whole sign-in with the real Keycloak is PortalIT
 * (system-tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "govinfo.gateway.security.issuer-uri=http://127.0.0.1:9/realms/govinfo"})
class PortalBffTest {

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void thePortalIsServedWithItsSecurityHeadersAndACsrfCookieForTheScript() {
        var result = client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "same-origin")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).returnResult();
        assertThat(result.getResponseBody()).contains("政务信息报送与考评系统").contains("/assets/");
        String csp = result.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .contains("form-action 'self' http://127.0.0.1:9");
        ResponseCookie csrf = result.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).as("the script must read it").isFalse();
    }

    @Test
    void signInStartsAtKeycloaksAuthorizationEndpointWithPkce() {
        var result = client.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult();
        URI location = result.getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.toString()).startsWith("http://127.0.0.1:9/realms/govinfo/protocol/openid-connect/auth?");
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo("govinfo-gateway");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("scope")).contains("openid");
        assertThat(query.getFirst("redirect_uri"))
                .isEqualTo("http://127.0.0.1:" + port + "/login/oauth2/code/keycloak");
        assertThat(result.getResponseHeaders().get("Set-Cookie")).as("the state waits in the session")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void withoutASessionTheApiAnswersAChinese401InsteadOfARedirect() {
        client.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("未登录或登录已失效");
        client.get().uri("/api/intake/items").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aChangingBrowserCallWithItsSessionButWithoutTheCsrfTokenIsRefusedInChinese() {
        client.post().uri("/api/intake/items").cookie("SESSION", "a-session-of-this-browser")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("csrf");
        client.post().uri("/logout").cookie("SESSION", "a-session-of-this-browser").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aChangingCallWithNoCredentialsAtAllIsA401NotACsrfRefusal() {
        // nothing to forge without a session cookie: the caller is simply not signed in
        client.post().uri("/api/intake/items").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("未登录或登录已失效");
    }

    @Test
    void aCallWithABearerTokenIsLeftToTheResourceServerChain() {
        // no CSRF check and no session for machine clients: a malformed token is a 401 of the token check
        client.post().uri("/api/intake/items").header("Authorization", "Bearer not-a-jwt")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectHeader().doesNotExist("Set-Cookie");
    }
}
