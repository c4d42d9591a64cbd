package cn.gov.eqq.govinfo.devstack.backup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The realm through Keycloak's admin REST API while it runs: the partial export (realm settings, roles, groups,
 * clients; secrets masked) plus every user with their realm roles and groups. Passwords are not exportable this way:
 * restored users set theirs again (or an operator exports offline with {@code kc.sh export}, see
 * docs/backup-and-retention.md). A restore is a partial import that adds what is missing and keeps what exists
 * (a fresh system has imported the realm file already, with its clients and their secrets).
 */
final class RealmExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;

    RealmExport(String baseUrl, String realm, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** The realm export as JSON (the partial export with a {@code users} array). */
    String export() {
        String token = adminToken();
        ObjectNode realmJson = (ObjectNode) JSON.readTree(call(token, "POST",
                "/admin/realms/" + realm + "/partial-export?exportClients=true&exportGroupsAndRoles=true", null));
        ArrayNode users = realmJson.putArray("users");
        for (JsonNode user : JSON.readTree(call(token, "GET", "/admin/realms/" + realm
                + "/users?briefRepresentation=false&first=0&max=100000", null))) {
            ObjectNode u = (ObjectNode) user;
            String id = u.path("id").asString();
            ArrayNode roles = u.putArray("realmRoles");
            JSON.readTree(call(token, "GET", "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm",
                    null)).forEach(r -> roles.add(r.path("name").asString()));
            ArrayNode groups = u.putArray("groups");
            JSON.readTree(call(token, "GET", "/admin/realms/" + realm + "/users/" + id + "/groups", null))
                    .forEach(g -> groups.add(g.path("path").asString()));
            users.add(u);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realmJson);
    }

    /** Adds the exported users, roles, groups and clients that the running realm lacks; returns Keycloak's answer. */
    String restore(String exported) {
        JsonNode realmJson = JSON.readTree(exported);
        ObjectNode body = JSON.createObjectNode();
        body.put("ifResourceExists", "SKIP");
        for (String field : new String[] {"users", "clients", "groups", "roles", "identityProviders"}) {
            if (realmJson.has(field)) {
                body.set(field, realmJson.get(field));
            }
        }
        return call(adminToken(), "POST", "/admin/realms/" + realm + "/partialImport", body.toString());
    }

    String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(adminUser) + "&password="
                + enc(adminPassword);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30)).build();
        return JSON.readTree(send(request)).path("access_token").asString();
    }

    String call(String token, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak " + request.method() + " " + request.uri() + " → "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak 不可达 / not reachable: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
