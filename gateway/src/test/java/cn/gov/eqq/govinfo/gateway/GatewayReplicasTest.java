package cn.gov.eqq.govinfo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Two replicas of the gateway behind one address, as the chart runs them (no session affinity): what one replica
 * knows of a person — the sign-in in progress, the session, the rate-limit bucket — the other knows too, because it
 * lives in Redis (ADR 0013). Real Keycloak, real Redis.
 */
class GatewayReplicasTest {

    private static final Backend REPORTING = new Backend("reporting");
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoReplicas() {
        first = replica();
        second = replica();
    }

    private static ConfigurableApplicationContext replica() {
        // as arguments: they must win over application.yml, as a pod's environment does
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--REPORTING_URI=" + REPORTING.uri(),
                "--govinfo.gateway.security.issuer-uri=" + KeycloakTestServer.get().issuerUri(),
                // three requests, then one more every 100 s: the bucket is the user's, whichever replica answers
                "--govinfo.gateway.rate-limit.capacity=3",
                "--govinfo.gateway.rate-limit.refill-per-second=0.01");
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        REPORTING.close();
    }

    private static int port(ConfigurableApplicationContext replica) {
        return Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aPersonWhoStartsSigningInOnOneReplicaFinishesOnTheOtherAndGoesOnThroughEither() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackBrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String a = "http://127.0.0.1:" + port(first);
        String b = "http://127.0.0.1:" + port(second);

        // replica A starts the sign-in: the authorization request (state, PKCE verifier) waits in the session
        HttpResponse<String> start = get(browser, a + "/oauth2/authorization/keycloak");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(KeycloakTestServer.get().issuerUri());

        HttpResponse<String> loginPage = get(browser, authorize);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        String formAction = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");

        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(formAction))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=u001-reporter&password="
                        + URLEncoder.encode(Tokens.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&credentialId="))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as(() -> "Keycloak's answer to the login form: " + loggedIn.body()
                ).isEqualTo(302);
        String callback = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(a + "/login/oauth2/code/keycloak?");

        // the load balancer sends Keycloak's redirect to replica B, which must find A's authorization request
        HttpResponse<String> finished = get(browser, callback.replace(a, b));
        assertThat(finished.statusCode()).isEqualTo(302);
        assertThat(finished.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        // where the session lives: in Redis, under the gateway's namespace (ADR 0013)
        assertThat(first.getBean(ReactiveStringRedisTemplate.class).scan(ScanOptions.scanOptions()
                .match("govinfo:gateway:session:sessions:*").build()).collectList().block(Duration.ofSeconds(10)))
                .isNotEmpty();
        for (String replica : new String[] {a, b}) {
            HttpResponse<String> me = get(browser, replica + "/api/me");
            assertThat(me.statusCode()).as("/api/me through " + replica).isEqualTo(200);
            assertThat(me.body()).contains("\"username\":\"u001-reporter\"").contains("\"unitId\":\"U001\"");
        }
        // and the user's tokens are in the session too: replica A, which did not finish the sign-in, relays the
        // access token to a service (a replica keeping them in its own memory answered with a new sign-in instead);
        // one call, as the replicas' rate limit here allows three requests of a user
        REPORTING.reset();
        HttpResponse<String> relayed = get(browser, a + "/api/reporting/circulars");
        assertThat(relayed.statusCode()).as("a relayed call through the replica that started the sign-in")
                .isEqualTo(200);
        assertThat(REPORTING.last().header("Authorization")).startsWith("Bearer ey");
    }

    @Test
    void aUsersRequestsCountAgainstOneBucketWhicheverReplicaAnswersThem() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = KeycloakTestServer.get().forgedTokens().with(Map.of("sub", UUID.randomUUID().toString()));
        String a = "http://127.0.0.1:" + port(first) + "/api/reporting/rankings";
        String b = "http://127.0.0.1:" + port(second) + "/api/reporting/rankings";

        assertThat(status(client, a, token)).isEqualTo(200);
        assertThat(status(client, b, token)).isEqualTo(200);
        assertThat(status(client, a, token)).isEqualTo(200);
        // three in all: per replica it would be one and two
        assertThat(status(client, b, token)).isEqualTo(429);
        assertThat(status(client, a, token)).isEqualTo(429);
    }

    /**
     * Cookies as a browser keeps them for {@code http://127.0.0.1}: browsers count loopback as a secure context, so
     * they send back the {@code Secure} cookies Keycloak sets there (its sign-in cookies); the JDK's manager would
     * not, and Keycloak would answer "cookie not found".
     */
    private static final class LoopbackBrowserCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> headers = new HashMap<>(responseHeaders);
            headers.replaceAll((name, values) -> "set-cookie".equalsIgnoreCase(name)
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values);
            cookies.put(uri, headers);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int status(HttpClient client, String url, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
