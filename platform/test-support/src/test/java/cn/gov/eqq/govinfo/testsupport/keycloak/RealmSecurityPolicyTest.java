package cn.gov.eqq.govinfo.testsupport.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.eqq.govinfo.localinfra.keycloak.KeycloakServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm's identification and authentication rules (GB/T 22239-2019 level 3, docs/mlps.md) against the real
 * Keycloak with identity/govinfo-realm.json imported: password complexity and history, lockout after 5 failures,
 * login and admin events kept 180 days, and the separated administrator roles of the demo accounts.
 * Each test makes its own user, so locking one never touches the demo accounts other tests sign in with.
 */
class RealmSecurityPolicyTest {

    private static final String GOOD = "Zx9!kq#Lm2";
    private static KeycloakTestServer keycloak;
    private static String admin;

    @BeforeAll
    static void keycloak() {
        keycloak = KeycloakTestServer.get();
        admin = keycloak.adminToken();
    }

    @Test
    void weakPasswordsAreRefusedByTheAdminApi() {
        String id = newUser();
        assertThat(setPassword(id, "abcd1234").statusCode()).isEqualTo(400);   // no upper case, no special
        assertThat(setPassword(id, "Abcd1234").statusCode()).isEqualTo(400);   // no special character
        assertThat(setPassword(id, "Abcdefg!").statusCode()).isEqualTo(400);   // no digit
        assertThat(setPassword(id, "Ab1!").statusCode()).isEqualTo(400);       // shorter than 8
        HttpResponse<String> refused = setPassword(id, "abcd1234");
        assertThat(refused.body()).contains("invalidPassword");
        assertThat(setPassword(id, GOOD).statusCode()).isEqualTo(204);
    }

    @Test
    void aRecentPasswordCannotBeUsedAgain() {
        String id = newUser();
        assertThat(setPassword(id, GOOD).statusCode()).isEqualTo(204);
        assertThat(setPassword(id, "Other#2026x").statusCode()).isEqualTo(204);
        HttpResponse<String> again = setPassword(id, GOOD);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalidPasswordHistoryMessage");
    }

    @Test
    void theRealmDeclaresLengthComplexityHistoryAndNinetyDayExpiry() {
        Map<String, Object> realm = json(KeycloakHttp.get(realmUrl(), admin));
        assertThat((String) realm.get("passwordPolicy")).contains("length(8)", "upperCase(1)", "lowerCase(1)",
                "digits(1)", "specialChars(1)", "notUsername", "passwordHistory(5)", "forceExpiredPasswordChange(90)");
        assertThat(realm.get("bruteForceProtected")).isEqualTo(true);
        assertThat(((Number) realm.get("failureFactor")).intValue()).isEqualTo(5);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheRightOneIsThenRefused() {
        String username = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
        String id = newUser(username);
        assertThat(setPassword(id, GOOD).statusCode()).isEqualTo(204);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(passwordGrant(username, "Wrong#Pass" + attempt).statusCode()).isEqualTo(401);
        }
        Map<String, Object> status = json(KeycloakHttp.get(realmUrl() + "/attack-detection/brute-force/users/" + id,
                admin));
        assertThat(status.get("disabled")).isEqualTo(true);
        assertThat(passwordGrant(username, GOOD).statusCode()).isIn(400, 401);
    }

    @Test
    void aLoginAndTheAdministratorsChangesAreRecordedAsEvents() {
        String username = "events-" + UUID.randomUUID().toString().substring(0, 8);
        String id = newUser(username);
        assertThat(setPassword(id, GOOD).statusCode()).isEqualTo(204);
        assertThat(passwordGrant(username, GOOD).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Object> logins = KeycloakHttp.array(KeycloakHttp.requireOk(KeycloakHttp.get(
                    realmUrl() + "/events?type=LOGIN&user=" + id, admin), "读取登录事件").body());
            assertThat(logins).hasSize(1);
            List<Object> adminEvents = KeycloakHttp.array(KeycloakHttp.requireOk(KeycloakHttp.get(
                    realmUrl() + "/admin-events?resourcePath=users/" + id, admin), "读取管理事件").body());
            assertThat(adminEvents.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("operationType"))))
                    .contains("CREATE");
        });
    }

    @Test
    void eventsAreKeptAtLeast180Days() {
        Map<String, Object> config = json(KeycloakHttp.get(realmUrl() + "/events/config", admin));
        assertThat(config.get("eventsEnabled")).isEqualTo(true);
        assertThat(config.get("adminEventsEnabled")).isEqualTo(true);
        assertThat(config.get("adminEventsDetailsEnabled")).isEqualTo(true);
        assertThat(((Number) config.get("eventsExpiration")).longValue()).isGreaterThanOrEqualTo(180L * 24 * 3600);
        Map<?, ?> attributes = (Map<?, ?>) json(KeycloakHttp.get(realmUrl(), admin)).get("attributes");
        assertThat(Long.parseLong((String) attributes.get("adminEventsExpiration")))
                .isGreaterThanOrEqualTo(180L * 24 * 3600);
    }

    @Test
    void theThreeAdministratorsAreSeparateDemoAccounts() {
        assertThat(realmRoles(keycloak.tokens().password("admin"))).contains("admin")
                .doesNotContain("security-admin", "auditor");
        assertThat(realmRoles(keycloak.tokens().password("security-admin"))).contains("security-admin")
                .doesNotContain("admin", "auditor");
        assertThat(realmRoles(keycloak.tokens().password("auditor"))).contains("auditor")
                .doesNotContain("admin", "security-admin", "info-room");
    }

    private static String newUser() {
        return newUser("policy-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The realm's user profile wants e-mail, first and last name and a display name (docs/identity.md). */
    private static String newUser(String username) {
        HttpResponse<String> created = KeycloakHttp.postJson(realmUrl() + "/users", Map.of("username", username,
                "enabled", true, "email", username + "@govinfo.example", "emailVerified", true,
                "firstName", "测", "lastName", "试", "attributes", Map.of("display_name", List.of("测试"))), admin);
        KeycloakHttp.requireOk(created, "创建测试用户");
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> setPassword(String userId, String password) {
        return KeycloakHttp.putJson(realmUrl() + "/users/" + userId + "/reset-password",
                Map.of("type", "password", "value", password, "temporary", false), admin);
    }

    private static HttpResponse<String> passwordGrant(String username, String password) {
        return KeycloakHttp.postForm(keycloak.tokens().tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", Tokens.GATEWAY_CLIENT_ID, "client_secret", Tokens.GATEWAY_CLIENT_SECRET,
                "username", username, "password", password), null);
    }

    private static String realmUrl() {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        return KeycloakHttp.object(KeycloakHttp.requireOk(response, "Keycloak 管理接口").body());
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        Map<String, Object> realmAccess = (Map<String, Object>) KeycloakHttp.object(payload).get("realm_access");
        return (List<String>) realmAccess.get("roles");
    }
}
