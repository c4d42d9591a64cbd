package cn.gov.eqq.govinfo.testsupport.keycloak;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the test Keycloak: the password grant for a demo user through {@code govinfo-gateway}
 * and the client-credentials grant for {@code city-dashboard}. Tokens are cached until 30 s before they expire, and
 * one user's token is fetched by one thread at a time: Keycloak 26's brute-force protection refuses concurrent logins
 * of one user ({@code user_temporarily_disabled}, "Invalid user credentials"), as the realm enables it.
 *
 * <pre>{@code
 * Tokens tokens = KeycloakTestServer.get().tokens();
 * String reporter = tokens.password("u001-reporter");        // roles [reporter], unit_id U001
 * String dashboard = tokens.cityDashboard();                 // roles [dashboard]
 * }</pre>
 */
public final class Tokens {

    /** Password of every demo user in identity/govinfo-realm.json. */
    public static final String DEMO_PASSWORD = "Demo_2026";
    public static final String GATEWAY_CLIENT_ID = "govinfo-gateway";
    /** Dev secret of the realm file; production sets {@code GOVINFO_GATEWAY_CLIENT_SECRET} before the import. */
    public static final String GATEWAY_CLIENT_SECRET = "govinfo-gateway-dev-secret";
    public static final String DASHBOARD_CLIENT_ID = "city-dashboard";
    public static final String DASHBOARD_CLIENT_SECRET = "city-dashboard-dev-secret";

    private final String tokenEndpoint;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> fetching = new ConcurrentHashMap<>();

    public Tokens(String issuerUri) {
        this.tokenEndpoint = issuerUri + "/protocol/openid-connect/token";
    }

    /** Access token of a demo user (password {@value #DEMO_PASSWORD}). */
    public String password(String username) {
        return password(username, DEMO_PASSWORD);
    }

    public String password(String username, String password) {
        return cached("password:" + username + ":" + password, Map.of("grant_type", "password",
                "client_id", GATEWAY_CLIENT_ID, "client_secret", GATEWAY_CLIENT_SECRET,
                "username", username, "password", password, "scope", "openid"));
    }

    /** Access token of the {@code city-dashboard} service account (role {@code dashboard}). */
    public String cityDashboard() {
        return clientCredentials(DASHBOARD_CLIENT_ID, DASHBOARD_CLIENT_SECRET);
    }

    public String clientCredentials(String clientId, String clientSecret) {
        return cached("client:" + clientId + ":" + clientSecret, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", clientSecret));
    }

    public String tokenEndpoint() {
        return tokenEndpoint;
    }

    private String cached(String key, Map<String, String> form) {
        Cached hit = cache.get(key);
        if (hit != null && Instant.now().isBefore(hit.refreshAfter())) {
            return hit.token();
        }
        synchronized (fetching.computeIfAbsent(key, k -> new Object())) {
            Cached fetched = cache.get(key); // another thread may have fetched it meanwhile
            if (fetched != null && Instant.now().isBefore(fetched.refreshAfter())) {
                return fetched.token();
            }
            return fetch(key, form);
        }
    }

    private String fetch(String key, Map<String, String> form) {
        HttpResponse<String> response = KeycloakHttp.postForm(tokenEndpoint, form, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("取令牌失败（" + form.get("grant_type") + "，"
                    + form.getOrDefault("username", form.get("client_id")) + "）: HTTP " + response.statusCode()
                    + " " + response.body());
        }
        Map<String, Object> body = KeycloakHttp.object(response.body());
        String token = (String) body.get("access_token");
        long expiresIn = ((Number) body.get("expires_in")).longValue();
        cache.put(key, new Cached(token, Instant.now().plusSeconds(Math.max(0, expiresIn - 30))));
        return token;
    }

    private record Cached(String token, Instant refreshAfter) {
    }
}
