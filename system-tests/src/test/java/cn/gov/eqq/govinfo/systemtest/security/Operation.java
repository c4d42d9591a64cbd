package cn.gov.eqq.govinfo.systemtest.security;

import cn.gov.eqq.govinfo.devstack.Service;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One operation of one service as its OpenAPI document declares it.
 *
 * @param service     the service that declares it
 * @param method      HTTP method, upper case
 * @param path        path template, e.g. {@code /api/intake/items/{itemId}}
 * @param parameters  path and query parameters
 * @param bodyType    the first declared request content type, or null without a body
 * @param bodySchema  the (resolved) JSON schema of the body, or null
 */
public record Operation(Service service, String method, String path, List<Parameter> parameters, String bodyType,
                        JsonNode bodySchema) {

    /** {@code POST /api/intake/items} — the key in roles.csv. */
    public String key() {
        return method + " " + path;
    }

    boolean hasBody() {
        return bodyType != null;
    }

    boolean jsonBody() {
        return bodyType != null && bodyType.contains("json");
    }

    List<Parameter> pathParameters() {
        return parameters.stream().filter(p -> p.in().equals("path")).toList();
    }

    List<Parameter> queryParameters() {
        return parameters.stream().filter(p -> p.in().equals("query")).toList();
    }

    /** The path with every path parameter replaced by the value the function gives for it (URL-encoded there). */
    String pathWith(java.util.function.Function<Parameter, String> value) {
        String result = path;
        for (Parameter p : pathParameters()) {
            result = result.replace("{" + p.name() + "}", value.apply(p));
        }
        return result;
    }

    @Override
    public String toString() {
        return key();
    }

    /**
     * @param name     parameter name
     * @param in       {@code path} or {@code query}
     * @param required declared required
     * @param schema   its JSON schema (type, format, enum)
     */
    record Parameter(String name, String in, boolean required, JsonNode schema) {

        String type() {
            return schema == null || schema.get("type") == null ? "string" : schema.get("type").asString();
        }
    }
}
