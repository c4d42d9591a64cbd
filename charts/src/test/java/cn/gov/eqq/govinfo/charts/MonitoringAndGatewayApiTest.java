package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations view: the Grafana dashboard and the PrometheusRule (both off by default) watch consumer lag, the
 * outbox backlog, dead letters, 5xx and sign-in failures; the services log JSON in the chart; a Gateway API HTTPRoute
 * can stand beside the Ingress.
 */
class MonitoringAndGatewayApiTest {

    private static final String OUTBOX_GAUGE = "govinfo_outbox_backlog"; // OutboxBacklog.METRIC in Prometheus form

    @Test
    void dashboardAndAlertsAreOffByDefaultAndOnByValues() {
        assertThat(RenderedChart.withDefaults().allOfKind("PrometheusRule")).isEmpty();
        assertThat(RenderedChart.withDefaults().find(ConfigMap.class, "govinfo-dashboard")).isEmpty();

        RenderedChart on = RenderedChart.with(Map.of("metrics.dashboard.enabled", "true", "metrics.alerts.enabled", "true"));
        assertThat(on.allOfKind("PrometheusRule")).hasSize(1);
        assertThat(on.get(ConfigMap.class, "govinfo-dashboard").getMetadata().getLabels())
                .containsEntry("grafana_dashboard", "1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardShowsTheFiveSignals() {
        ConfigMap map = RenderedChart.with(Map.of("metrics.dashboard.enabled", "true")).get(ConfigMap.class,
                "govinfo-dashboard");
        Map<String, Object> dashboard = new Yaml().load(map.getData().get("govinfo.json")); // JSON is YAML
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        List<String> expressions = new ArrayList<>();
        panels.forEach(p -> ((List<Map<String, Object>>) p.get("targets")).forEach(t -> expressions.add((String) t.get("expr"))));

        assertThat(panels).hasSize(5);
        assertThat(expressions).anyMatch(e -> e.contains("kafka_consumer_fetch_manager_records_lag_max"))
                .anyMatch(e -> e.contains(OUTBOX_GAUGE))
                .anyMatch(e -> e.contains("kafka_producer_topic_record_send_total") && e.contains("dead-letter"))
                .anyMatch(e -> e.contains("http_server_requests_seconds_count") && e.contains("5.."))
                .anyMatch(e -> e.contains("keycloak_user_events_total") && e.contains("login_error"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertsCoverTheSameSignalsWithTheConfiguredThresholds() {
        GenericKubernetesResource rule = RenderedChart.with(Map.of("metrics.alerts.enabled", "true",
                "metrics.alerts.outboxBacklogDocuments", "7", "metrics.alerts.labels.release", "kube-prometheus"))
                .allOfKind("PrometheusRule").get(0);
        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus");
        Map<String, Object> spec = (Map<String, Object>) rule.getAdditionalProperties().get("spec");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) ((List<Map<String, Object>>) spec.get("groups"))
                .get(0).get("rules");
        Map<String, String> exprByAlert = new java.util.HashMap<>();
        rules.forEach(r -> exprByAlert.put((String) r.get("alert"), (String) r.get("expr")));

        assertThat(exprByAlert).containsOnlyKeys("GovinfoConsumerLag", "GovinfoOutboxBacklog", "GovinfoDeadLetters",
                "GovinfoServerErrors", "GovinfoSignInFailures");
        assertThat(exprByAlert.get("GovinfoOutboxBacklog")).contains(OUTBOX_GAUGE).endsWith("> 7");
        assertThat(exprByAlert.get("GovinfoConsumerLag")).endsWith("> 1000");
        assertThat(exprByAlert.get("GovinfoDeadLetters")).contains("dead-letter");
        assertThat(rules).allSatisfy(r -> assertThat((Map<String, String>) r.get("annotations")).containsKey("summary"));
    }

    @Test
    void servicesLogEcsJsonInTheChartAndPlainTextWhenAskedTo() {
        for (String service : RenderedChart.SERVICES) {
            assertThat(RenderedChart.withDefaults().configMap(service).getData()).as(service)
                    .containsEntry("GOVINFO_LOG_FORMAT", "ecs");
            assertThat(RenderedChart.with(Map.of("logging.format", "")).configMap(service).getData()).as(service)
                    .containsEntry("GOVINFO_LOG_FORMAT", "");
        }
    }

    @Test
    void spansAreExportedOverOtlpOnlyWithAnEndpointAndThenMayReachTheCollector() {
        for (String service : RenderedChart.SERVICES) {
            assertThat(RenderedChart.withDefaults().configMap(service).getData()).as(service)
                    .doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
        }
        assertThat(RenderedChart.withDefaults().networkPolicy("scoring").getSpec().getEgress())
                .noneMatch(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() != null
                        && p.getPort().getIntVal() == 4318));

        RenderedChart on = RenderedChart.with(Map.of("tracing.otlpEndpoint", "http://otel-collector.monitoring:4318/v1/traces"));
        for (String service : RenderedChart.SERVICES) {
            assertThat(on.configMap(service).getData()).as(service).containsEntry(
                    "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://otel-collector.monitoring:4318/v1/traces");
            assertThat(on.networkPolicy(service).getSpec().getEgress()).as(service)
                    .anyMatch(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() != null
                            && p.getPort().getIntVal() == 4318));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anHttpRouteToTheGatewayStandsBesideTheIngressWhenEnabled() {
        assertThat(objectsOfKind(Map.of(), "HTTPRoute")).isEmpty();

        List<Map<String, Object>> routes = objectsOfKind(Map.of("httpRoute.enabled", "true"), "HTTPRoute");
        assertThat(routes).hasSize(1);
        Map<String, Object> route = routes.get(0);
        assertThat(route).containsEntry("apiVersion", "gateway.networking.k8s.io/v1");
        Map<String, Object> spec = (Map<String, Object>) route.get("spec");
        assertThat((List<String>) spec.get("hostnames")).containsExactly("govinfo.example.gov.cn");
        assertThat((List<Map<String, Object>>) spec.get("parentRefs")).extracting(r -> r.get("name"))
                .containsExactly("govinfo");
        Map<String, Object> backend = ((List<Map<String, Object>>) ((List<Map<String, Object>>) spec.get("rules"))
                .get(0).get("backendRefs")).get(0);
        assertThat(backend).containsEntry("name", "govinfo-gateway").containsEntry("port", 8080);
        assertThat(objectsOfKind(Map.of("httpRoute.enabled", "true"), "Ingress")).hasSize(1);
    }

    /** The rendered objects of one kind as plain maps (whatever model class fabric8 would pick for them). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objectsOfKind(Map<String, String> values, String kind) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(RenderedChart.template(values))) {
            if (document instanceof Map<?, ?> map && kind.equals(map.get("kind"))) {
                objects.add((Map<String, Object>) map);
            }
        }
        return objects;
    }
}
