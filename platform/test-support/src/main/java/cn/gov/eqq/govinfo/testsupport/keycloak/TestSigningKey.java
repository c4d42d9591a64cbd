package cn.gov.eqq.govinfo.testsupport.keycloak;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway RSA key registered in the realm as a passive key (Keycloak publishes it in the JWKS and verifies
 * with it, but never signs with it), so tests can forge tokens whose signature is valid and whose claims are not.
 */
record TestSigningKey(RSAKey key, String componentId) {

    static TestSigningKey register(String baseUrl, String realm, String adminUser, String adminPassword) {
        String admin = adminToken(baseUrl, adminUser, adminPassword);
        String realmId = (String) KeycloakHttp.object(KeycloakHttp.requireOk(
                KeycloakHttp.get(baseUrl + "/admin/realms/" + realm, admin), "读取 realm").body()).get("id");
        RSAKey generated;
        try {
            generated = new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(privateKeyBytes(generated))
                + "\n-----END PRIVATE KEY-----";
        String name = "govinfo-test-key-" + UUID.randomUUID();
        Map<String, Object> component = Map.of(
                "name", name,
                "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId,
                "config", Map.of("priority", List.of("1"), "enabled", List.of("true"), "active", List.of("false"),
                        "algorithm", List.of("RS256"), "privateKey", List.of(pem)));
        HttpResponse<String> created = KeycloakHttp.requireOk(KeycloakHttp.postJson(
                baseUrl + "/admin/realms/" + realm + "/components", component, admin), "登记测试签名密钥");
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak 未返回密钥组件的 Location"));
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> keys = KeycloakHttp.object(KeycloakHttp.requireOk(
                KeycloakHttp.get(baseUrl + "/admin/realms/" + realm + "/keys", admin), "读取 realm 密钥").body());
        @SuppressWarnings("unchecked")
        String kid = ((List<Map<String, Object>>) keys.get("keys")).stream()
                .filter(k -> componentId.equals(k.get("providerId")))
                .map(k -> (String) k.get("kid"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak 未列出测试签名密钥 " + componentId));
        return new TestSigningKey(new RSAKey.Builder(generated).keyID(kid).build(), componentId);
    }

    void unregister(String baseUrl, String realm, String adminUser, String adminPassword) {
        KeycloakHttp.delete(baseUrl + "/admin/realms/" + realm + "/components/" + componentId,
                adminToken(baseUrl, adminUser, adminPassword));
    }

    static String adminToken(String baseUrl, String user, String password) {
        HttpResponse<String> response = KeycloakHttp.requireOk(KeycloakHttp.postForm(
                baseUrl + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", password),
                null), "取 Keycloak 管理员令牌");
        return (String) KeycloakHttp.object(response.body()).get("access_token");
    }

    private static byte[] privateKeyBytes(RSAKey key) {
        try {
            return key.toRSAPrivateKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
