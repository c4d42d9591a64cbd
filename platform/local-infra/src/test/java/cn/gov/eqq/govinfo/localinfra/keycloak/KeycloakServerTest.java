package cn.gov.eqq.govinfo.localinfra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Starts the real Keycloak once (fresh data directory, free ports) and checks the launcher and the realm. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KeycloakServer keycloak;
    private static Path dataDir;

    @BeforeAll
    static void startKeycloak() throws IOException {
        dataDir = Files.createTempDirectory("kc-test-");
        KeycloakServer.Config config = KeycloakServer.defaults(dataDir).withPorts(freePort(), freePort());
        keycloak = KeycloakServer.start(config, Duration.ofSeconds(300));
        System.out.println("Keycloak (fresh import) ready in " + keycloak.startupTime().toMillis() + " ms");
    }

    @AfterAll
    static void stopEndsKeycloakAndItsJvm() throws IOException {
        try {
            if (keycloak == null) {
                return;
            }
            List<ProcessHandle> tree = processTree();
            assertThat(tree).hasSizeGreaterThanOrEqualTo(2); // kc.sh and the Keycloak JVM under it
            keycloak.stop();
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
            assertThat(keycloak.isRunning()).isFalse();
        } finally {
            if (keycloak != null) {
                keycloak.stop();
            }
            deleteDataDirectory();
        }
    }

    private static void deleteDataDirectory() throws IOException {
        if (dataDir != null) {
            try (java.util.stream.Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void discoveryAnnouncesTheLoopbackIssuer() throws Exception {
        String body = get(keycloak.issuerUri("govinfo") + "/.well-known/openid-configuration").body();
        assertThat(JsonPath.<String>read(body, "$.issuer"))
                .isEqualTo("http://127.0.0.1:" + keycloak.config().httpPort() + "/realms/govinfo");
    }

    @Test
    void keepsItsStateInTheCallersDataDirectory() {
        assertThat(dataDir.resolve("h2")).isDirectory();
        assertThat(dataDir.resolve("import").resolve("govinfo-realm.json")).isRegularFile();
        assertThat(dataDir.resolve("keycloak.log")).content().contains("Realm 'govinfo' imported");
    }

    @Test
    void reporterTokenCarriesAudienceUnitAndRole() throws Exception {
        Map<String, Object> claims = claims(token(Map.of("grant_type", "password", "client_id", "govinfo-gateway",
                "client_secret", "govinfo-gateway-dev-secret", "username", "u001-reporter", "password", "Demo_2026")));
        assertThat(claims.get("iss")).isEqualTo(keycloak.issuerUri("govinfo"));
        assertThat(audiences(claims)).contains("govinfo-api");
        assertThat(claims.get("unit_id")).isEqualTo("U001");
        assertThat(realmRoles(claims)).contains("reporter").doesNotContain("info-room", "admin");
        assertThat(claims.get("preferred_username")).isEqualTo("u001-reporter");
        // Chinese order (family name first), not Keycloak's "<first> <last>"
        assertThat(claims.get("name")).isEqualTo("张明");
        assertThat(claims.get("family_name")).isEqualTo("张");
        assertThat(claims.get("given_name")).isEqualTo("明");
        assertThat(claims.get("sub")).isNotNull();
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertThat(lifetime).isEqualTo(300);
    }

    @Test
    void roomEditorHasNoUnit() throws Exception {
        Map<String, Object> claims = claims(token(Map.of("grant_type", "password", "client_id", "govinfo-gateway",
                "client_secret", "govinfo-gateway-dev-secret", "username", "room-editor", "password", "Demo_2026")));
        assertThat(realmRoles(claims)).contains("info-room");
        assertThat(claims).doesNotContainKey("unit_id");
    }

    @Test
    void cityDashboardServiceAccountHasTheDashboardRole() throws Exception {
        Map<String, Object> claims = claims(token(Map.of("grant_type", "client_credentials",
                "client_id", "city-dashboard", "client_secret", "city-dashboard-dev-secret")));
        assertThat(audiences(claims)).contains("govinfo-api");
        assertThat(realmRoles(claims)).contains("dashboard");
    }

    @Test
    void portalClientCannotUsePasswordGrant() throws Exception {
        HttpResponse<String> response = post(tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "govinfo-portal", "username", "u001-reporter", "password", "Demo_2026"));
        assertThat(response.statusCode()).isIn(400, 401);
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = post(tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "govinfo-gateway", "client_secret", "govinfo-gateway-dev-secret",
                "username", "u002-leader", "password", "wrong"));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void loginPageIsChineseByDefaultAndAcceptsAnyLoopbackPort() throws Exception {
        HttpResponse<String> page = get(authorize("govinfo-gateway", "http://127.0.0.1:5173/callback", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"").contains("登录");
        assertThat(get(authorize("govinfo-gateway", "http://localhost:3000/", "")).statusCode()).isEqualTo(200);
    }

    @Test
    void foreignRedirectIsRefused() throws Exception {
        assertThat(get(authorize("govinfo-gateway", "http://evil.example/callback", "")).statusCode()).isEqualTo(400);
    }

    @Test
    void portalRequiresPkce() throws Exception {
        String withoutPkce = authorize("govinfo-portal", "http://127.0.0.1:5173/", "");
        String withPkce = authorize("govinfo-portal", "http://127.0.0.1:5173/",
                "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(get(withPkce).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get(withoutPkce);
        // Keycloak redirects back with error=invalid_request when the PKCE challenge is missing.
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("error=invalid_request"));
    }

    @Test
    void startFailsWithTheLogFileNamedWhenKeycloakDies() throws Exception {
        Path brokenRealm = dataDir.resolve("broken-realm.json");
        Files.writeString(brokenRealm, "{ \"realm\": \"broken\", \"enabled\": ");
        KeycloakServer.Config good = KeycloakServer.defaults(dataDir.resolve("broken")).withPorts(freePort(), freePort());
        KeycloakServer.Config broken = new KeycloakServer.Config(good.home(), good.httpPort(), good.managementPort(),
                brokenRealm, good.dataDir(), good.logFile());
        assertThatThrownBy(() -> KeycloakServer.start(broken, Duration.ofSeconds(300)))
                .isInstanceOf(KeycloakStartException.class)
                .hasMessageContaining(good.logFile().toString());
        assertThat(portIsFree(good.httpPort())).isTrue();
    }

    @Test
    void refusesAPortThatIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            KeycloakServer.Config config = KeycloakServer.defaults(dataDir.resolve("other"))
                    .withPorts(taken.getLocalPort(), freePort());
            assertThatThrownBy(() -> KeycloakServer.start(config, Duration.ofSeconds(5)))
                    .isInstanceOf(KeycloakStartException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("已被占用");
        }
    }

    /** Runs last: stops the shared server and starts it again on the same data directory. */
    @Test
    @Order(Integer.MAX_VALUE)
    void restartOnTheSameDataDirectoryKeepsTheRealmWithoutReimporting() throws Exception {
        List<ProcessHandle> tree = processTree();
        keycloak.stop();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        long logLength = Files.size(dataDir.resolve("keycloak.log"));

        keycloak = KeycloakServer.start(keycloak.config().withPorts(freePort(), freePort()), Duration.ofSeconds(300));
        System.out.println("Keycloak (existing data) ready in " + keycloak.startupTime().toMillis() + " ms");
        String newLog = Files.readString(dataDir.resolve("keycloak.log")).substring((int) logLength);
        assertThat(newLog).doesNotContain("Realm 'govinfo' imported");
        Map<String, Object> claims = claims(token(Map.of("grant_type", "password", "client_id", "govinfo-gateway",
                "client_secret", "govinfo-gateway-dev-secret", "username", "u007-leader", "password", "Demo_2026")));
        assertThat(claims.get("unit_id")).isEqualTo("U007");
        assertThat(claims.get("iss")).isEqualTo(keycloak.issuerUri("govinfo"));
    }

    private static List<ProcessHandle> processTree() {
        return ProcessHandle.of(keycloak.pid()).stream()
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .toList();
    }

    private static String authorize(String clientId, String redirectUri, String extra) {
        return keycloak.issuerUri("govinfo") + "/protocol/openid-connect/auth?client_id=" + clientId
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + extra;
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tokenEndpoint() {
        return keycloak.issuerUri("govinfo") + "/protocol/openid-connect/token";
    }

    private static String token(Map<String, String> form) throws Exception {
        HttpResponse<String> response = post(tokenEndpoint(), form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.access_token");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.read(payload, "$");
    }

    @SuppressWarnings("unchecked")
    private static List<String> audiences(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? (List<String>) list : List.of((String) aud);
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(Map<String, Object> claims) {
        return (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
