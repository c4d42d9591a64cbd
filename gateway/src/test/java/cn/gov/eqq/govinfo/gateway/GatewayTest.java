package cn.gov.eqq.govinfo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eqq.govinfo.testsupport.keycloak.ForgedTokens;
import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway against the real Keycloak (test-support) with five tiny backends standing for the services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "management.tracing.sampling.probability=1.0"})
class GatewayTest {

    private static final Map<String, Backend> BACKENDS = new LinkedHashMap<>();

    static {
        for (String service : new String[] {"intake", "adoption", "commission", "scoring", "reporting"}) {
            BACKENDS.put(service, new Backend(service));
        }
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        BACKENDS.forEach((service, backend) -> registry.add(service.toUpperCase() + "_URI", backend::uri));
        registry.add("govinfo.gateway.security.issuer-uri", () -> KeycloakTestServer.get().issuerUri());
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.values().forEach(Backend::close);
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        BACKENDS.values().forEach(Backend::reset);
    }

    private static KeycloakTestServer keycloak() {
        return KeycloakTestServer.get();
    }

    @Test
    void validTokenIsRoutedUnchangedWithAuthorizationForwarded() {
        String token = keycloak().tokens().password("u001-reporter");
        client.get().uri("/api/intake/items?status=DRAFT&page=0")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("intake");
        Backend.Received received = BACKENDS.get("intake").last();
        assertThat(received.pathAndQuery()).isEqualTo("/api/intake/items?status=DRAFT&page=0");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        // the services' audit log says from where a request came: the gateway names its peer
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest(name = "/api/{0}/** → {0}")
    @MethodSource("services")
    void eachPrefixReachesItsOwnService(String service) {
        client.post().uri("/api/" + service + "/anything/1")
                .header("Authorization", "Bearer " + keycloak().tokens().password("room-editor"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":1}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);
        assertThat(BACKENDS.get(service).last().method()).isEqualTo("POST");
        assertThat(BACKENDS.get(service).last().pathAndQuery()).isEqualTo("/api/" + service + "/anything/1");
        BACKENDS.forEach((other, backend) -> {
            if (!other.equals(service)) {
                assertThat(backend.received()).as(other).isEmpty();
            }
        });
    }

    @ParameterizedTest(name = "/api-docs/{0} → {0}'s /v3/api-docs")
    @MethodSource("services")
    void eachServicesOpenApiDocumentIsServedAtTheGatewayWithoutAToken(String service) {
        client.get().uri("/api-docs/" + service)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);
        assertThat(BACKENDS.get(service).last().pathAndQuery()).isEqualTo("/v3/api-docs");
    }

    static Stream<String> services() {
        return Stream.of("intake", "adoption", "commission", "scoring", "reporting");
    }

    @Test
    void cityDashboardServiceAccountIsLetThrough() {
        client.get().uri("/api/reporting/rankings")
                .header("Authorization", "Bearer " + keycloak().tokens().cityDashboard())
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void requestWithoutTokenGetsAChineseProblem401() {
        client.get().uri("/api/intake/items")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("未登录或登录已失效")
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.type").isEqualTo("https://govinfo.eqq.gov.cn/problems/unauthorized")
                .jsonPath("$.instance").isEqualTo("/api/intake/items")
                .jsonPath("$.detail").isEqualTo("请先登录：请求未携带访问令牌");
        assertThat(BACKENDS.get("intake").received()).isEmpty();
    }

    @Test
    void forgedButFlawlessTokenIsAcceptedSoEachRejectionBelowIsForItsOneFlaw() {
        client.get().uri("/api/scoring/rankings")
                .header("Authorization", "Bearer " + keycloak().forgedTokens().wellFormed())
                .exchange()
                .expectStatus().isOk();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokenIsRejectedWith401(String flaw, Supplier<String> token) {
        client.get().uri("/api/scoring/rankings")
                .header("Authorization", "Bearer " + token.get())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.detail").isEqualTo("访问令牌无效：已过期、签名不符、签发方或受众不符，请重新登录");
        assertThat(BACKENDS.get("scoring").received()).isEmpty();
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) () -> keycloak().forgedTokens().expired()),
                Arguments.of("wrong issuer", (Supplier<String>) () -> keycloak().forgedTokens().wrongIssuer()),
                Arguments.of("wrong audience", (Supplier<String>) () -> keycloak().forgedTokens().wrongAudience()),
                Arguments.of("unknown signing key",
                        (Supplier<String>) () -> keycloak().forgedTokens().signedByUnknownKey()),
                Arguments.of("tampered payload",
                        (Supplier<String>) () -> ForgedTokens.tampered(keycloak().tokens().password("u006-reporter"))),
                Arguments.of("alg=none",
                        (Supplier<String>) () -> ForgedTokens.algNone(keycloak().tokens().password("u006-reporter"))),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-jwt"));
    }

    @Test
    void authenticatedUserWithoutAnyGovinfoRoleGetsAChineseProblem403() {
        client.get().uri("/api/intake/items")
                .header("Authorization", "Bearer " + keycloak().forgedTokens().withRoles("offline_access"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.title").isEqualTo("无权操作")
                .jsonPath("$.code").isEqualTo("forbidden")
                .jsonPath("$.detail").isEqualTo("您的账号没有访问政务信息系统接口的角色");
        assertThat(BACKENDS.get("intake").received()).isEmpty();
    }

    @Test
    void requestIdIsKeptForwardedAndEchoed() {
        client.get().uri("/api/adoption/records")
                .header("Authorization", "Bearer " + keycloak().tokens().password("u002-reporter"))
                .header("X-Request-Id", "req-20260801-0001")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "req-20260801-0001");
        assertThat(BACKENDS.get("adoption").last().header("X-Request-Id")).isEqualTo("req-20260801-0001");
    }

    @Test
    void insaneRequestIdIsReplacedByAFreshOne() {
        String echoed = client.get().uri("/api/adoption/records")
                .header("Authorization", "Bearer " + keycloak().tokens().password("u002-reporter"))
                .header("X-Request-Id", "x\"; <script>")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(echoed).matches("[0-9a-f-]{36}");
        assertThat(BACKENDS.get("adoption").last().header("X-Request-Id")).isEqualTo(echoed);
    }

    @Test
    void traceContextIsPropagatedToTheService() {
        client.get().uri("/api/commission/tasks")
                .header("Authorization", "Bearer " + keycloak().tokens().password("room-editor"))
                .exchange()
                .expectStatus().isOk();
        assertThat(BACKENDS.get("commission").last().header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void aCallersTraceIsContinuedTheServiceSeesTheSameTraceWithTheGatewaysSpanAsParent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        client.get().uri("/api/commission/tasks")
                .header("Authorization", "Bearer " + keycloak().tokens().password("room-editor"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .exchange()
                .expectStatus().isOk();
        String forwarded = BACKENDS.get("commission").last().header("traceparent");
        assertThat(forwarded).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(forwarded).doesNotContain(callerSpan);
    }

    @Test
    void theSameTokenWorksAgainButATamperedCopyOfAnAcceptedTokenIsStillRejected() {
        String token = keycloak().tokens().password("u007-reporter");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/scoring/policies").header("Authorization", "Bearer " + token)
                    .exchange().expectStatus().isOk();
        }
        client.get().uri("/api/scoring/policies").header("Authorization", "Bearer " + ForgedTokens.tampered(token))
                .exchange().expectStatus().isUnauthorized();
        assertThat(BACKENDS.get("scoring").received()).hasSize(3);
    }

    @Test
    void requestMetricsAreRecordedOnHttpServerRequestsWhileSecurityObservationsAreOff() {
        client.get().uri("/api/reporting/circulars")
                .header("Authorization", "Bearer " + keycloak().tokens().password("banner-leader"))
                .exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> {
                    assertThat(body).containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*"
                            + "status=\"200\"[^}]*} [1-9]");
                    assertThat(body).doesNotContain("spring_security_filterchains");
                });
    }

    @Test
    void probesAndPrometheusAreOpen() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void otherActuatorEndpointsNeedAToken() {
        client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownPathWithValidTokenIsAChineseProblem404() {
        client.get().uri("/api/nowhere/1")
                .header("Authorization", "Bearer " + keycloak().tokens().password("admin"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("未找到")
                .jsonPath("$.code").isEqualTo("not-found");
    }
}
