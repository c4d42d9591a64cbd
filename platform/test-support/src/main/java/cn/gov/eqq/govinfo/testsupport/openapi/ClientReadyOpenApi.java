package cn.gov.eqq.govinfo.testsupport.openapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client generator needs of a service's OpenAPI document, checked the way the city's IT team found it
 * wanting: a title and version of its own, the gateway as the only server, both OAuth2 schemes, stable and unique
 * operationIds, one request body type per operation, one answer shape per path, no {@code *}{@code /*} answer, downloads as
 * {@code format: binary}, and 401 plus every other 4xx declared as {@code application/problem+json}.
 * {@link #problemsOf} lists what is wrong, one line each; empty means a generator can use the document.
 */
public final class ClientReadyOpenApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private ClientReadyOpenApi() {
    }

    public static List<String> problemsOf(byte[] document, String gatewayUrl) {
        return problemsOf(JSON.readTree(document), gatewayUrl);
    }

    public static List<String> problemsOf(JsonNode api, String gatewayUrl) {
        List<String> problems = new ArrayList<>();
        String title = api.path("info").path("title").asString("");
        if (title.isBlank() || title.equals("OpenAPI definition")) {
            problems.add("info.title is the generic '" + title + "'");
        }
        String version = api.path("info").path("version").asString("");
        if (version.isBlank() || version.equals("v0")) {
            problems.add("info.version is '" + version + "'");
        }
        JsonNode servers = api.path("servers");
        if (servers.size() != 1 || !servers.get(0).path("url").asString("").equals(gatewayUrl)) {
            problems.add("servers should be only the gateway " + gatewayUrl + ": " + servers);
        }
        JsonNode schemes = api.path("components").path("securitySchemes");
        if (schemes.path("keycloak-people").path("flows").path("authorizationCode").isMissingNode()) {
            problems.add("no OAuth2 authorization-code scheme keycloak-people");
        }
        if (schemes.path("keycloak-dashboard").path("flows").path("clientCredentials").isMissingNode()) {
            problems.add("no OAuth2 client-credentials scheme keycloak-dashboard");
        }
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operation(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), ids, problems);
                }
            }
        }
        return problems;
    }

    private static void operation(String name, JsonNode op, Set<String> ids, List<String> problems) {
        String id = op.path("operationId").asString("");
        if (id.isBlank() || id.matches(".*_\\d+$")) {
            problems.add(name + ": operationId '" + id + "' is missing or numbered");
        } else if (!ids.add(id)) {
            problems.add(name + ": operationId '" + id + "' is used twice");
        }
        JsonNode body = op.path("requestBody").path("content");
        if (body.size() > 1) {
            problems.add(name + ": the request body has " + body.size() + " media types " + body.propertyNames());
        }
        JsonNode responses = op.path("responses");
        if (!responses.has("401")) {
            problems.add(name + ": no 401 declared");
        }
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            for (Map.Entry<String, JsonNode> media : content.properties()) {
                if (media.getKey().equals("*/*")) {
                    problems.add(name + " " + status + ": answers */*");
                }
                if (status.startsWith("2") && media.getValue().path("schema").has("oneOf")) {
                    problems.add(name + " " + status + ": answers one of several shapes on one path");
                }
                if (media.getValue().path("schema").path("format").asString("").equals("byte")) {
                    problems.add(name + " " + status + ": a download declared as base64 (format byte), not binary");
                }
            }
            if (status.startsWith("4") && !content.has("application/problem+json")) {
                problems.add(name + " " + status + ": not declared as application/problem+json");
            }
        }
    }
}
