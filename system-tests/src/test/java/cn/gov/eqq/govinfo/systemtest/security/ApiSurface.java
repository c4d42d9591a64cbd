package cn.gov.eqq.govinfo.systemtest.security;

import cn.gov.eqq.govinfo.devstack.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of every service, read from the running services' own OpenAPI documents ({@code /v3/api-docs},
 * public on each service), so an endpoint added tomorrow appears in the matrix (and in the portal's API map,
 * ApiMapIT) without anyone listing it.
 */
public final class ApiSurface {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private ApiSurface() {
    }

    public static List<Operation> read(Map<Service, String> serviceUrls) {
        List<Operation> operations = new ArrayList<>();
        for (Service service : Service.backends()) {
            var response = Http.get(serviceUrls.get(service) + "/v3/api-docs", null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service + " /v3/api-docs: HTTP " + response.statusCode() + " "
                        + response.body());
            }
            operations.addAll(parse(service, JSON.readTree(response.body())));
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return List.copyOf(operations);
    }

    static List<Operation> parse(Service service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        JsonNode components = document.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode node = op.getValue();
                List<Operation.Parameter> parameters = new ArrayList<>();
                for (JsonNode p : node.path("parameters")) {
                    String in = p.path("in").asString();
                    if (in.equals("path") || in.equals("query")) {
                        parameters.add(new Operation.Parameter(p.path("name").asString(), in,
                                p.path("required").asBoolean(false), resolve(p.get("schema"), components, 0)));
                    }
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                JsonNode content = node.path("requestBody").path("content");
                if (content.isObject() && !content.isEmpty()) {
                    Map.Entry<String, JsonNode> first = content.properties().iterator().next();
                    for (Map.Entry<String, JsonNode> c : content.properties()) {
                        if (c.getKey().contains("json")) {
                            first = c;
                        }
                    }
                    bodyType = first.getKey();
                    bodySchema = resolve(first.getValue().get("schema"), components, 0);
                }
                operations.add(new Operation(service, op.getKey().toUpperCase(), path.getKey(), parameters,
                        bodyType, bodySchema));
            }
        }
        return operations;
    }

    /** Inlines {@code $ref}s (to a small depth) so generators can walk the schema without the document. */
    private static JsonNode resolve(JsonNode schema, JsonNode components, int depth) {
        if (schema == null || depth > 6) {
            return schema;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return resolve(components.get(ref.substring(ref.lastIndexOf('/') + 1)), components, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (schema.has("properties")) {
            ObjectNode properties = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                properties.set(p.getKey(), resolve(p.getValue(), components, depth + 1));
            }
            copy.set("properties", properties);
        }
        if (schema.has("items")) {
            copy.set("items", resolve(schema.get("items"), components, depth + 1));
        }
        return copy;
    }
}
