package cn.gov.eqq.govinfo.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The chart rendered by the Helm library (helm-java, no CLI, no cluster) and parsed into fabric8 model objects.
 * Renders are cached per set of values: the chart does not change during a test run.
 */
record RenderedChart(String yaml, List<HasMetadata> objects) {

    static final String RELEASE = "govinfo";
    static final String NAMESPACE = "govinfo";
    /** Every service of the default values, gateway first. */
    static final List<String> SERVICES = List.of("gateway", "submission-intake", "adoption-tracking",
            "commission-tasking", "scoring", "reporting");
    static final List<String> BACKEND_SERVICES = SERVICES.subList(1, SERVICES.size());

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Map<Map<String, String>, RenderedChart> CACHE = new ConcurrentHashMap<>();
    /** Pseudo-key of the values map that names a values file instead of a --set. */
    private static final String VALUES_FILE = "\u0000values-file";

    static RenderedChart withDefaults() {
        return with(Map.of());
    }

    /** Renders with {@code --set key=value} for each entry (what an operator would pass). */
    static RenderedChart with(Map<String, String> values) {
        return CACHE.computeIfAbsent(Map.copyOf(values), RenderedChart::render);
    }

    /** Renders with a values file of the chart (e.g. {@code ci/kind-values.yaml}), like {@code helm template -f}. */
    static RenderedChart withValuesFile(String chartRelativePath) {
        return CACHE.computeIfAbsent(Map.of(VALUES_FILE, chartRelativePath), RenderedChart::render);
    }

    /** The raw output of {@code helm template govinfo charts/govinfo --namespace govinfo [--set ...]}. */
    static String template(Map<String, String> values) {
        TemplateCommand command = new Helm(RepoPaths.CHART).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE);
        Map<String, String> sets = new LinkedHashMap<>(values);
        String file = sets.remove(VALUES_FILE);
        if (file != null) {
            command.withValuesFile(RepoPaths.CHART.resolve(file));
        }
        sets.forEach(command::set);
        return command.call();
    }

    private static RenderedChart render(Map<String, String> values) {
        String yaml = template(values);
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            // fabric8 maps known kinds to typed classes and anything else (Strimzi) to GenericKubernetesResource.
            objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        return new RenderedChart(yaml, List.copyOf(objects));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> allOfKind(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                "no " + type.getSimpleName() + " named " + name + " in the render; have: " + names()));
    }

    Deployment deployment(String service) {
        return get(Deployment.class, objectName(service));
    }

    Service service(String service) {
        return get(Service.class, objectName(service));
    }

    ServiceAccount serviceAccount(String service) {
        return get(ServiceAccount.class, objectName(service));
    }

    HorizontalPodAutoscaler hpa(String service) {
        return get(HorizontalPodAutoscaler.class, objectName(service));
    }

    PodDisruptionBudget pdb(String service) {
        return get(PodDisruptionBudget.class, objectName(service));
    }

    ConfigMap configMap(String service) {
        return get(ConfigMap.class, objectName(service));
    }

    NetworkPolicy networkPolicy(String service) {
        return get(NetworkPolicy.class, objectName(service));
    }

    List<String> names() {
        return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    }

    static String objectName(String service) {
        return RELEASE + "-" + service;
    }
}
