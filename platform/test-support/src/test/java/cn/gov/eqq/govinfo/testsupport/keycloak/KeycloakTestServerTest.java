package cn.gov.eqq.govinfo.testsupport.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/** The helpers against the real Keycloak, checked with Spring Security's own JWT decoder. */
class KeycloakTestServerTest {

    private static KeycloakTestServer keycloak;
    private static NimbusJwtDecoder decoder;

    @BeforeAll
    static void keycloak() {
        keycloak = KeycloakTestServer.get();
        // Generous timeouts: this shared 2-core machine is often busy with other builds.
        SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
        http.setConnectTimeout(Duration.ofSeconds(5));
        http.setReadTimeout(Duration.ofSeconds(30));
        decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).restOperations(new RestTemplate(http)).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keycloak.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("govinfo-api"))));
    }

    @Test
    void getReturnsOneServerPerJvm() {
        assertThat(KeycloakTestServer.get()).isSameAs(keycloak);
        assertThat(keycloak.issuerUri()).startsWith("http://127.0.0.1:").endsWith("/realms/govinfo");
    }

    @Test
    void passwordGrantGivesTheDemoUsersUnitAndRole() {
        Jwt jwt = decoder.decode(keycloak.tokens().password("u037-leader"));
        assertThat(jwt.getClaimAsString("unit_id")).isEqualTo("U037");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("u037-leader");
        assertThat(realmRoles(jwt)).contains("unit-leader").doesNotContain("reporter");
    }

    @Test
    void clientCredentialsGiveTheDashboardRole() {
        Jwt jwt = decoder.decode(keycloak.tokens().cityDashboard());
        assertThat(realmRoles(jwt)).contains("dashboard");
        assertThat(jwt.getAudience()).contains("govinfo-api");
    }

    @Test
    void tokensAreCachedWhileValid() {
        assertThat(keycloak.tokens().password("u002-reporter")).isEqualTo(keycloak.tokens().password("u002-reporter"));
    }

    @Test
    void manyThreadsAskingForOneUsersTokenAtOnceLogInOnce() throws Exception {
        // a Tokens of its own: nothing cached; the realm's brute-force protection refuses concurrent logins of a user
        Tokens fresh = new Tokens(keycloak.issuerUri());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> asked = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(pool.submit(() -> fresh.password("u006-reporter")));
            }
            java.util.Set<String> tokens = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> f : asked) {
                tokens.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(tokens).as("one login, its token for every thread").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownUserIsReportedWithKeycloaksAnswer() {
        assertThatThrownBy(() -> keycloak.tokens().password("nobody"))
                .hasMessageContaining("nobody").hasMessageContaining("401");
    }

    @Test
    void keycloakKeepsSigningWithItsOwnKey() {
        String realToken = keycloak.tokens().password("u001-reporter");
        assertThat(header(realToken)).doesNotContain(keycloak.forgedTokens().keyId());
    }

    @Test
    void wellFormedForgeryIsAcceptedSoTheNegativeOnesTestOneThingEach() {
        Jwt jwt = decoder.decode(keycloak.forgedTokens().wellFormed());
        assertThat(jwt.getClaimAsString("unit_id")).isEqualTo("U001");
    }

    @Test
    void expiredTokenIsRejectedForItsExpiry() {
        assertThatThrownBy(() -> decoder.decode(keycloak.forgedTokens().expired()))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void wrongIssuerIsRejectedForTheIssuer() {
        assertThatThrownBy(() -> decoder.decode(keycloak.forgedTokens().wrongIssuer()))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
    }

    @Test
    void wrongAudienceIsRejectedForTheAudience() {
        assertThatThrownBy(() -> decoder.decode(keycloak.forgedTokens().wrongAudience()))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void unknownKeyTamperedAndUnsignedTokensFailTheSignature() {
        String real = keycloak.tokens().password("u006-reporter");
        assertThat(ForgedTokens.payload(ForgedTokens.tampered(real)).get("realm_access").toString()).contains("admin");
        assertThatThrownBy(() -> decoder.decode(keycloak.forgedTokens().signedByUnknownKey()))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(ForgedTokens.tampered(real))).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(ForgedTokens.algNone(real))).isInstanceOf(BadJwtException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(Jwt jwt) {
        return (List<String>) ((Map<String, Object>) jwt.getClaim("realm_access")).get("roles");
    }

    private static String header(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
