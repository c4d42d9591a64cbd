package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * fabric8 keeps any field it does not know in {@code additionalProperties} instead of failing, so a misspelt
 * field (say {@code readOnlyRootFileSystem}) would parse and then be ignored by the API server. Here every typed
 * object of every render variant must have no unknown field at any depth.
 */
class NoUnknownFieldsTest {

    @Test
    void everyRenderedObjectUsesOnlyFieldsOfItsKubernetesType() throws Exception {
        List<Map<String, String>> variants = List.of(Map.of(),
                Map.of("strimzi.enabled", "true", "metrics.serviceMonitor.enabled", "true",
                        "keycloak.jwkSetUri", "http://keycloak:8080/realms/govinfo/protocol/openid-connect/certs"),
                Map.of("serviceDefaults.autoscaling.enabled", "false", "kafka.securityProtocol", "PLAINTEXT",
                        "ingress.tls.enabled", "false"));
        List<String> unknown = new ArrayList<>();
        int typed = 0;
        for (Map<String, String> values : variants) {
            for (HasMetadata object : RenderedChart.with(values).objects()) {
                if (object instanceof GenericKubernetesResource) {
                    continue; // CRDs (Strimzi, prometheus-operator): no typed model here
                }
                typed++;
                walk(object, object.getKind() + "/" + object.getMetadata().getName(), unknown, new IdentityHashMap<>());
            }
        }
        assertThat(typed).isGreaterThan(40);
        assertThat(unknown).isEmpty();
    }

    private static void walk(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) throws Exception {
        if (node == null || seen.containsKey(node)) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        seen.put(node, Boolean.TRUE);
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " has unknown fields " + extra.keySet());
                }
                continue;
            }
            walk(value, path + "." + getter.getName().replaceFirst("^(get|is)", ""), unknown, seen);
        }
    }
}
