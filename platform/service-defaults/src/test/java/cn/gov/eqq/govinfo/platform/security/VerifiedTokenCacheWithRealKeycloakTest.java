package cn.gov.eqq.govinfo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.eqq.govinfo.testsupport.keycloak.ForgedTokens;
import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.PriorityOrdered;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A whole service-defaults web application against the real Keycloak of this JVM (platform/test-support): Boot's
 * decoder (JWKS, issuer and audience from govinfo-defaults.yml) sits behind the verified-token cache, a repeated
 * token does not reach it, and a tampered, expired or foreign token is refused with the same 401 problem as before.
 */
@SpringBootTest(properties = {
        "spring.application.name=token-cache-test",
        "spring.config.import=classpath:govinfo-defaults.yml"})
@AutoConfigureMockMvc
class VerifiedTokenCacheWithRealKeycloakTest {

    /** The 401 detail every refused token gets (ProblemSecurityHandlers), with or without the cache. */
    private static final String UNAUTHORIZED_DETAIL = "请先登录：缺少有效的访问令牌，或令牌已过期、签发方或受众不符";

    /** How many tokens reached Boot's decoder, i.e. had their signature checked. */
    static final AtomicInteger VERIFICATIONS = new AtomicInteger();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WhoAmIController.class)
    static class App {

        // PriorityOrdered runs before the (unordered) cache post-processor, so the cache wraps this counter
        @Bean
        static BeanPostProcessor countVerifications() {
            return new CountingPostProcessor();
        }
    }

    static final class CountingPostProcessor implements BeanPostProcessor, PriorityOrdered {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof NimbusJwtDecoder nimbus) {
                return new CountingDecoder(nimbus);
            }
            return bean;
        }

        @Override
        public int getOrder() {
            return 0;
        }
    }

    record CountingDecoder(JwtDecoder nimbus) implements JwtDecoder {
        @Override
        public Jwt decode(String token) {
            VERIFICATIONS.incrementAndGet();
            return nimbus.decode(token);
        }
    }

    @RestController
    static class WhoAmIController {
        @GetMapping("/api/whoami")
        Map<String, Object> whoAmI(CurrentUser user) {
            return Map.of("username", String.valueOf(user.username()), "roles", user.roles());
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("token-cache-test"));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> KeycloakTestServer.get().issuerUri());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> KeycloakTestServer.get().jwkSetUri());
    }

    /** A freshly started Keycloak on a loaded machine can be slow to answer its first key-set request. */
    @BeforeAll
    static void warmUpKeySet() throws Exception {
        HttpResponse<String> certs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KeycloakTestServer.get().jwkSetUri()))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(certs.statusCode()).isEqualTo(200);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JwtDecoder jwtDecoder;

    /**
     * Precondition, not part of what is tested: the application holds the realm's key set. Spring fetches it with
     * Nimbus's 500 ms timeouts, which a loaded machine's Keycloak can miss (then a 503, by design, whatever the
     * token); once fetched it is kept for minutes, so the tests below see only the token checks.
     */
    @BeforeEach
    void keySetLoaded() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int status;
        do {
            status = whoAmI(KeycloakTestServer.get().forgedTokens().wellFormed()).andReturn().getResponse().getStatus();
            if (status == 503) {
                Thread.sleep(1_000);
            }
        } while (status == 503 && System.nanoTime() < deadline);
        assertThat(status).as("a valid token is accepted once the key set could be fetched").isEqualTo(200);
    }

    @Test
    void bootsOwnDecoderIsTheOneBehindTheCache() {
        assertThat(jwtDecoder).isInstanceOf(CachingJwtDecoder.class);
        assertThat(((CachingJwtDecoder) jwtDecoder).delegate()).isInstanceOf(CountingDecoder.class);
    }

    @Test
    void aSecondRequestWithTheSameTokenDoesNotReachTheSignatureCheck() throws Exception {
        String token = KeycloakTestServer.get().forgedTokens().wellFormed(); // new jti: never seen before

        int before = VERIFICATIONS.get();
        whoAmI(token).andExpect(status().isOk()).andExpect(jsonPath("$.username").value("forged-reporter"));
        assertThat(VERIFICATIONS.get() - before).isEqualTo(1);

        whoAmI(token).andExpect(status().isOk()).andExpect(jsonPath("$.username").value("forged-reporter"))
                .andExpect(jsonPath("$.roles").value(hasItem("reporter")));
        assertThat(VERIFICATIONS.get() - before).as("the second request was answered from the cache").isEqualTo(1);
    }

    @Test
    void aTokenIssuedByKeycloakItselfIsVerifiedOnceAndThenServedFromTheCache() throws Exception {
        String token = KeycloakTestServer.get().tokens().password("u001-reporter");
        whoAmI(token).andExpect(status().isOk()).andExpect(jsonPath("$.username").value("u001-reporter"));

        int before = VERIFICATIONS.get();
        for (int i = 0; i < 5; i++) {
            whoAmI(token).andExpect(status().isOk());
        }
        assertThat(VERIFICATIONS.get() - before).isZero();
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsStillRefusedWithTheSameProblem() throws Exception {
        String token = KeycloakTestServer.get().tokens().password("u001-reporter");
        whoAmI(token).andExpect(status().isOk());

        String tampered = ForgedTokens.tampered(token);
        int before = VERIFICATIONS.get();
        expectUnauthorizedProblem(whoAmI(tampered));
        expectUnauthorizedProblem(whoAmI(tampered));
        assertThat(VERIFICATIONS.get() - before).as("a refused token is checked every time").isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsStillRefusedWithTheSameProblemEveryTime() throws Exception {
        String expired = KeycloakTestServer.get().forgedTokens().expired();

        int before = VERIFICATIONS.get();
        expectUnauthorizedProblem(whoAmI(expired));
        expectUnauthorizedProblem(whoAmI(expired));
        assertThat(VERIFICATIONS.get() - before).isEqualTo(2);
    }

    @Test
    void bootsIssuerAndAudienceRulesStillApplyBehindTheCache() throws Exception {
        ForgedTokens forged = KeycloakTestServer.get().forgedTokens();
        expectUnauthorizedProblem(whoAmI(forged.wrongAudience()));
        expectUnauthorizedProblem(whoAmI(forged.wrongIssuer()));
        expectUnauthorizedProblem(whoAmI(forged.signedByUnknownKey()));
    }

    private ResultActions whoAmI(String token) throws Exception {
        return mvc.perform(get("/api/whoami").header("Authorization", "Bearer " + token));
    }

    private static void expectUnauthorizedProblem(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("unauthorized"))
                .andExpect(jsonPath("$.title").value("未登录或登录已失效"))
                .andExpect(jsonPath("$.detail").value(UNAUTHORIZED_DETAIL))
                .andExpect(jsonPath("$.instance").value("/api/whoami"));
    }
}
