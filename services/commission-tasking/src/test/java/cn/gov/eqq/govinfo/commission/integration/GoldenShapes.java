package cn.gov.eqq.govinfo.commission.integration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares an event we produce with the golden example of its type: same fields, same JSON kinds of value. */
final class GoldenShapes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String golden(String topic, String type) {
        String path = "golden/" + topic + "/" + type + ".v1.json";
        try (InputStream in = GoldenShapes.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("golden file %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSameShape(String produced, String golden) {
        assertThat(shape(JSON.readTree(produced))).isEqualTo(shape(JSON.readTree(golden)));
    }

    /** Field path → kind of value; a null counts as "any" since optional fields may be null in either. */
    private static Map<String, String> shape(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        walk("", node, out);
        return out;
    }

    private static void walk(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            for (String name : names) {
                walk(path + "/" + name, node.get(name), out);
            }
            out.put(path.isEmpty() ? "/" : path, "object");
        } else if (node.isArray()) {
            out.put(path, "array");
        } else if (node.isNull()) {
            out.put(path, "string-or-null");
        } else if (node.isString()) {
            out.put(path, "string-or-null");
        } else {
            out.put(path, node.getNodeType().name());
        }
    }

    private GoldenShapes() {
    }
}
