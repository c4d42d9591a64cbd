package cn.gov.eqq.govinfo.devstack.backup;

import cn.gov.eqq.govinfo.testsupport.keycloak.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm export and its partial import against the real Keycloak (26.5.6) with the govinfo realm. */
class RealmExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeycloakTestServer keycloak = KeycloakTestServer.get();
    private final RealmExport realm = new RealmExport(keycloak.baseUrl(), "govinfo", "admin", "admin");

    private JsonNode user(String token, String username) {
        JsonNode found = JSON.readTree(realm.call(token, "GET",
                "/admin/realms/govinfo/users?exact=true&username=" + username, null));
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asString() : n.path(field).asString()));
        return out;
    }

    @Test
    void theExportHoldsRolesClientsAndEveryUserWithTheirRealmRoles() {
        JsonNode export = JSON.readTree(realm.export());

        assertThat(export.path("realm").asString()).isEqualTo("govinfo");
        assertThat(names(export.path("roles").path("realm"), "name")).contains("reporter", "info-room", "admin");
        assertThat(export.path("clients").isArray()).isTrue();
        JsonNode reporter = null;
        for (JsonNode u : export.path("users")) {
            if (u.path("username").asString().equals("u001-reporter")) {
                reporter = u;
            }
        }
        assertThat(reporter).as("demo user u001-reporter in the export").isNotNull();
        assertThat(names(reporter.path("realmRoles"), null)).contains("reporter");
    }

    @Test
    void aUserDeletedAfterTheBackupIsBackWithItsRolesAfterTheRestoreAndExistingOnesAreKept() {
        String token = realm.adminToken();
        String username = "restore-" + UUID.randomUUID().toString().substring(0, 8);
        realm.call(token, "POST", "/admin/realms/govinfo/users", """
                {"username":"%s","enabled":true,"firstName":"恢复","lastName":"测试","email":"%s@example.gov.cn",
                 "attributes":{"display_name":["恢复测试"]}}"""
                .formatted(username, username));
        String id = user(token, username).path("id").asString();
        JsonNode role = JSON.readTree(realm.call(token, "GET", "/admin/realms/govinfo/roles/info-room", null));
        realm.call(token, "POST", "/admin/realms/govinfo/users/" + id + "/role-mappings/realm", "[" + role + "]");
        String export = realm.export();

        realm.call(token, "DELETE", "/admin/realms/govinfo/users/" + id, null);
        assertThat(user(token, username)).isNull();

        JsonNode answer = JSON.readTree(realm.restore(export));

        assertThat(answer.path("added").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode back = user(token, username);
        assertThat(back).isNotNull();
        assertThat(back.path("firstName").asString()).isEqualTo("恢复");
        assertThat(names(JSON.readTree(realm.call(token, "GET", "/admin/realms/govinfo/users/"
                + back.path("id").asString() + "/role-mappings/realm", null)), "name")).contains("info-room");
        assertThat(user(token, "u001-reporter")).isNotNull();
    }
}
