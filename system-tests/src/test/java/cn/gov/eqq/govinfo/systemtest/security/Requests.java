package cn.gov.eqq.govinfo.systemtest.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a well-formed request for any operation: path ids that do not exist (unless given), the caller's own
 * unit for {@code unitId}, plausible values for required query parameters, and the example body of bodies.json
 * (a one-file multipart or a CSV line where the operation takes those).
 */
final class Requests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MULTIPART_BOUNDARY = "govinfo-security-boundary";
    private static final JsonNode BODIES = load();

    private Requests() {
    }

    /** A request ready to send: relative URL, content type (or null) and body bytes (or null). */
    record Prepared(String method, String pathAndQuery, String contentType, byte[] body) {

        HttpResponse<String> sendTo(String baseUrl, String token) {
            return Http.send(method, baseUrl + pathAndQuery, token, contentType, body);
        }

        Prepared withBody(String newContentType, byte[] newBody) {
            return new Prepared(method, pathAndQuery, newContentType, newBody);
        }

        Prepared withPathAndQuery(String newPathAndQuery) {
            return new Prepared(method, newPathAndQuery, contentType, body);
        }
    }

    static Prepared of(Operation op, String callerUnit) {
        return of(op, callerUnit, Map.of());
    }

    /** @param ids values for path parameters by name; the others get ids that exist nowhere */
    static Prepared of(Operation op, String callerUnit, Map<String, String> ids) {
        String path = op.pathWith(p -> encode(ids.getOrDefault(p.name(), defaultPathValue(p, callerUnit))));
        return new Prepared(op.method(), path + query(op, defaultQuery(op)), op.bodyType() == null ? null
                : contentTypeOf(op), op.bodyType() == null ? null : exampleBody(op));
    }

    static String defaultPathValue(Operation.Parameter p, String callerUnit) {
        return switch (p.name()) {
            case "unitId" -> callerUnit;
            case "year" -> "2026";
            default -> p.type().equals("integer") ? "987654" : "no-such-" + p.name();
        };
    }

    static Map<String, String> defaultQuery(Operation op) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Operation.Parameter p : op.queryParameters()) {
            if (p.required()) {
                query.put(p.name(), plausible(p));
            }
        }
        return query;
    }

    static String plausible(Operation.Parameter p) {
        JsonNode schema = p.schema();
        if (schema != null && schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        return switch (p.name()) {
            case "period", "month" -> "2026-07";
            case "group" -> "2";
            case "from" -> "1";
            case "to" -> "2";
            case "year" -> "2026";
            default -> switch (p.type()) {
                case "integer", "number" -> "1";
                case "boolean" -> "true";
                default -> "x";
            };
        };
    }

    static String query(Operation op, Map<String, String> values) {
        if (values.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        values.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
        return joiner.toString();
    }

    static String contentTypeOf(Operation op) {
        if (op.bodyType().startsWith("multipart/")) {
            return "multipart/form-data; boundary=" + MULTIPART_BOUNDARY;
        }
        return op.bodyType();
    }

    /** The example body; multipart: a {@code title} and a small text {@code file}; CSV: one header line. */
    static byte[] exampleBody(Operation op) {
        if (op.bodyType().startsWith("multipart/")) {
            return multipart("说明.txt", "text/plain", "安全测试附件".getBytes(StandardCharsets.UTF_8));
        }
        if (!op.jsonBody()) {
            return "标题,单位\n".getBytes(StandardCharsets.UTF_8);
        }
        JsonNode example = exampleJson(op);
        return (example == null ? "{}" : JSON.writeValueAsString(example)).getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode exampleJson(Operation op) {
        JsonNode example = BODIES.get(op.key());
        return example == null ? null : example.deepCopy();
    }

    static JsonNode exampleJsonOf(String key) {
        JsonNode example = BODIES.get(key);
        if (example == null) {
            throw new IllegalArgumentException("no example body for " + key + " in security/bodies.json");
        }
        return example.deepCopy();
    }

    static boolean hasExample(Operation op) {
        return BODIES.has(op.key());
    }

    static byte[] multipart(String fileName, String fileType, byte[] content) {
        String head = "--" + MULTIPART_BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\n安全测试\r\n"
                + "--" + MULTIPART_BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + fileType + "\r\n\r\n";
        String tail = "\r\n--" + MULTIPART_BOUNDARY + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return all;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode load() {
        try (InputStream in = Requests.class.getResourceAsStream("/security/bodies.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
