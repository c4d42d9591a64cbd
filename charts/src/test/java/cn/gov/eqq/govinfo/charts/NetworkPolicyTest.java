package cn.gov.eqq.govinfo.charts;

import cn.gov.eqq.govinfo.charts.PolicyEvaluator.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows of the architecture, checked against the rendered policies: ingress → gateway; gateway → each service;
 * each service → Kafka, MongoDB, Keycloak; gateway → Keycloak; DNS; Prometheus scraping. Everything else is denied.
 */
class NetworkPolicyTest {

    private static final String NS = RenderedChart.NAMESPACE;
    static final Pod INGRESS_CONTROLLER = new Pod("ingress-nginx", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    static final Pod PROMETHEUS = new Pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
    static final Pod KAFKA = new Pod("kafka", NS, Map.of("strimzi.io/cluster", "govinfo-kafka"), Map.of());
    static final Pod MONGODB = new Pod("mongodb", NS, Map.of("app.kubernetes.io/name", "mongodb"), Map.of());
    static final Pod KEYCLOAK = new Pod("keycloak", "keycloak", Map.of("app.kubernetes.io/name", "keycloak"), Map.of());
    static final Pod DNS = new Pod("coredns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
    /** Some other workload in the same namespace. */
    static final Pod NEIGHBOUR = new Pod("neighbour", NS, Map.of("app.kubernetes.io/name", "neighbour"), Map.of("http", 8080));
    static final Pod OTHER_NAMESPACE = new Pod("other", "default", Map.of("app.kubernetes.io/name", "anything"), Map.of());

    private final RenderedChart chart = RenderedChart.withDefaults();
    private final PolicyEvaluator policies = new PolicyEvaluator(chart.all(NetworkPolicy.class));

    static Pod pod(RenderedChart chart, String service) {
        Deployment d = chart.deployment(service);
        var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        return new Pod(service, NS, d.getSpec().getTemplate().getMetadata().getLabels(),
                Map.of("http", container.getPorts().get(0).getContainerPort()));
    }

    static int port(Pod pod) {
        return pod.namedPorts().get("http");
    }

    @Test
    void aDenyAllPolicyCoversEveryGovinfoPodInBothDirections() {
        NetworkPolicy denyAll = chart.get(NetworkPolicy.class, "govinfo-default-deny");

        assertThat(denyAll.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(denyAll.getSpec().getIngress()).isNullOrEmpty();
        assertThat(denyAll.getSpec().getEgress()).isNullOrEmpty();
        for (String service : RenderedChart.SERVICES) {
            assertThat(PolicyEvaluator.matches(denyAll.getSpec().getPodSelector(), pod(chart, service).labels()))
                    .as(service).isTrue();
        }
        // It does not reach into workloads that are not ours (Kafka, MongoDB in the same namespace).
        assertThat(PolicyEvaluator.matches(denyAll.getSpec().getPodSelector(), KAFKA.labels())).isFalse();
        assertThat(PolicyEvaluator.matches(denyAll.getSpec().getPodSelector(), MONGODB.labels())).isFalse();
    }

    @Test
    void onlyTheIngressControllerReachesTheGatewayFromOutside() {
        Pod gateway = pod(chart, "gateway");

        assertThat(policies.allows(INGRESS_CONTROLLER, gateway, 8080)).isTrue();
        assertThat(policies.allows(NEIGHBOUR, gateway, 8080)).isFalse();
        assertThat(policies.allows(OTHER_NAMESPACE, gateway, 8080)).isFalse();
        assertThat(policies.allows(INGRESS_CONTROLLER, gateway, 9090)).as("other port").isFalse();
        for (String service : RenderedChart.BACKEND_SERVICES) {
            Pod backend = pod(chart, service);
            assertThat(policies.allows(INGRESS_CONTROLLER, backend, port(backend))).as(service).isFalse();
        }
    }

    @Test
    void theGatewayReachesEveryServiceAndKeycloakButNeitherKafkaNorMongo() {
        Pod gateway = pod(chart, "gateway");

        for (String service : RenderedChart.BACKEND_SERVICES) {
            Pod backend = pod(chart, service);
            assertThat(policies.allows(gateway, backend, port(backend))).as("gateway -> " + service).isTrue();
        }
        assertThat(policies.allows(gateway, KEYCLOAK, 8080)).isTrue();
        assertThat(policies.allows(gateway, DNS, 53, "UDP")).isTrue();
        assertThat(policies.allows(gateway, KAFKA, 9093)).isFalse();
        assertThat(policies.allows(gateway, MONGODB, 27017)).isFalse();
        assertThat(policies.allows(gateway, NEIGHBOUR, 8080)).isFalse();
    }

    @Test
    void everyServiceReachesKafkaMongoKeycloakAndDnsOnly() {
        for (String service : RenderedChart.BACKEND_SERVICES) {
            Pod backend = pod(chart, service);
            assertThat(policies.allows(backend, KAFKA, 9093)).as(service + " -> kafka").isTrue();
            assertThat(policies.allows(backend, MONGODB, 27017)).as(service + " -> mongodb").isTrue();
            assertThat(policies.allows(backend, KEYCLOAK, 8080)).as(service + " -> keycloak").isTrue();
            assertThat(policies.allows(backend, DNS, 53, "UDP")).as(service + " -> dns").isTrue();
            assertThat(policies.allows(backend, KAFKA, 27017)).as(service + " -> kafka on a wrong port").isFalse();
            assertThat(policies.allows(backend, NEIGHBOUR, 8080)).as(service + " -> neighbour").isFalse();
            assertThat(policies.allows(backend, OTHER_NAMESPACE, 443)).as(service + " -> elsewhere").isFalse();
        }
    }

    @Test
    void servicesDoNotTalkToEachOtherNorBackToTheGateway() {
        List<String> all = RenderedChart.SERVICES;
        for (String from : RenderedChart.BACKEND_SERVICES) {
            for (String to : all) {
                if (from.equals(to)) {
                    continue;
                }
                Pod target = pod(chart, to);
                assertThat(policies.allows(pod(chart, from), target, port(target))).as(from + " -> " + to).isFalse();
            }
        }
    }

    @Test
    void prometheusScrapesEveryPodAndTheScrapeRuleIsOptional() {
        for (String service : RenderedChart.SERVICES) {
            Pod target = pod(chart, service);
            assertThat(policies.allows(PROMETHEUS, target, port(target))).as(service).isTrue();
        }

        RenderedChart withoutScraping = RenderedChart.with(Map.of("metrics.prometheusPeers", "null"));
        PolicyEvaluator closed = new PolicyEvaluator(withoutScraping.all(NetworkPolicy.class));
        for (String service : RenderedChart.SERVICES) {
            Pod target = pod(withoutScraping, service);
            assertThat(closed.allows(PROMETHEUS, target, port(target))).as(service).isFalse();
        }
    }

    @Test
    void aDisabledServiceLeavesNoHoleAndNoRoute() {
        RenderedChart chart = RenderedChart.with(Map.of("services.reporting.enabled", "false"));
        PolicyEvaluator withoutReporting = new PolicyEvaluator(chart.all(NetworkPolicy.class));
        Pod strayReporting = new Pod("reporting", NS, Map.of("app.kubernetes.io/name", "reporting",
                "app.kubernetes.io/instance", RenderedChart.RELEASE), Map.of("http", 8085));

        assertThat(chart.find(NetworkPolicy.class, "govinfo-reporting")).isEmpty();
        assertThat(withoutReporting.allows(pod(chart, "gateway"), strayReporting, 8085)).isFalse();
        assertThat(chart.configMap("gateway").getData()).doesNotContainKey("REPORTING_URI");
    }
}
