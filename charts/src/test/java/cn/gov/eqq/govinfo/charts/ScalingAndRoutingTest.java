package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators scale and switch each service on its own through values, and the gateway follows. */
class ScalingAndRoutingTest {

    @Test
    void oneServiceScalesWithoutTouchingTheOthers() {
        RenderedChart chart = RenderedChart.with(Map.of(
                "services.scoring.autoscaling.minReplicas", "3",
                "services.scoring.autoscaling.maxReplicas", "12"));

        assertThat(chart.hpa("scoring").getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(chart.hpa("scoring").getSpec().getMaxReplicas()).isEqualTo(12);
        assertThat(chart.hpa("reporting").getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(chart.hpa("reporting").getSpec().getMaxReplicas()).isEqualTo(6);
    }

    @Test
    void withoutAutoscalingTheDeploymentCarriesItsReplicaCount() {
        RenderedChart chart = RenderedChart.with(Map.of(
                "services.reporting.autoscaling.enabled", "false",
                "services.reporting.replicaCount", "4"));

        assertThat(chart.find(HorizontalPodAutoscaler.class, "govinfo-reporting")).isEmpty();
        assertThat(chart.deployment("reporting").getSpec().getReplicas()).isEqualTo(4);
        assertThat(chart.deployment("scoring").getSpec().getReplicas()).isNull();
    }

    @Test
    void rollingUpdatesNeverDropBelowTheWantedReplicas() {
        for (Deployment d : RenderedChart.withDefaults().all(Deployment.class)) {
            assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
                    .as(d.getMetadata().getName()).isZero();
        }
    }

    @Test
    void aDisabledServiceHasNoObjectsLeft() {
        RenderedChart chart = RenderedChart.with(Map.of("services.commission-tasking.enabled", "false"));

        assertThat(chart.objects()).noneMatch(o -> o.getMetadata().getName().equals("govinfo-commission-tasking"));
        assertThat(chart.find(PodDisruptionBudget.class, "govinfo-scoring")).isPresent();
    }

    @Test
    void theGatewayLearnsEveryServiceAddressFromItsConfigMap() {
        assertThat(RenderedChart.withDefaults().configMap("gateway").getData())
                .containsEntry("INTAKE_URI", "http://govinfo-submission-intake:8081")
                .containsEntry("ADOPTION_URI", "http://govinfo-adoption-tracking:8082")
                .containsEntry("COMMISSION_URI", "http://govinfo-commission-tasking:8083")
                .containsEntry("SCORING_URI", "http://govinfo-scoring:8084")
                .containsEntry("REPORTING_URI", "http://govinfo-reporting:8085")
                .containsEntry("KEYCLOAK_ISSUER_URI", "https://auth.example.gov.cn/realms/govinfo")
                .containsEntry("GOVINFO_JWT_AUDIENCE", "govinfo-api");
    }

    @Test
    void theServicesBelieveTheForwardedAddressOnlyFromTheConfiguredPodNetworkAndTheGatewayFromTheIngress() {
        RenderedChart chart = RenderedChart.with(Map.of("clientAddress.trustedProxies[0]", "10.42.0.0/16",
                "clientAddress.gatewayTrustedProxies", "10\\.42\\.\\d+\\.\\d+"));

        for (String service : RenderedChart.BACKEND_SERVICES) {
            assertThat(chart.configMap(service).getData()).as(service)
                    .containsEntry("GOVINFO_AUDIT_TRUSTED_PROXIES", "10.42.0.0/16,127.0.0.0/8,::1/128")
                    .doesNotContainKey("GATEWAY_TRUSTED_PROXIES");
        }
        assertThat(chart.configMap("gateway").getData())
                .containsEntry("GATEWAY_TRUSTED_PROXIES", "10\\.42\\.\\d+\\.\\d+")
                .doesNotContainKey("GOVINFO_AUDIT_TRUSTED_PROXIES");
        // by default only loopback is believed, as in the services' and the gateway's own defaults
        assertThat(RenderedChart.withDefaults().configMap("scoring").getData())
                .doesNotContainKey("GOVINFO_AUDIT_TRUSTED_PROXIES");
    }

    @Test
    void theGatewayRedeemsSignInCodesAtKeycloaksInternalAddressWhenOneIsGiven() {
        String internal = "http://keycloak.keycloak:8080/realms/govinfo";
        RenderedChart chart = RenderedChart.with(Map.of("keycloak.internalUri", internal));

        assertThat(chart.configMap("gateway").getData()).containsEntry("KEYCLOAK_INTERNAL_URI", internal);
        assertThat(chart.configMap("scoring").getData()).doesNotContainKey("KEYCLOAK_INTERNAL_URI");
        assertThat(RenderedChart.withDefaults().configMap("gateway").getData()).doesNotContainKey("KEYCLOAK_INTERNAL_URI");
    }

    @Test
    void everyServiceGetsTheInfrastructureAddressesFromItsConfigMap() {
        RenderedChart chart = RenderedChart.with(Map.of("keycloak.jwkSetUri",
                "http://keycloak.keycloak:8080/realms/govinfo/protocol/openid-connect/certs"));
        for (String service : RenderedChart.BACKEND_SERVICES) {
            assertThat(chart.configMap(service).getData()).as(service)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "govinfo-kafka-kafka-bootstrap:9093")
                    .containsEntry("KEYCLOAK_ISSUER_URI", "https://auth.example.gov.cn/realms/govinfo")
                    .containsEntry("KEYCLOAK_JWKS_URI",
                            "http://keycloak.keycloak:8080/realms/govinfo/protocol/openid-connect/certs")
                    .containsEntry("GOVINFO_JWT_AUDIENCE", "govinfo-api")
                    .containsEntry("SERVER_ADDRESS", "0.0.0.0");
        }
    }

    @Test
    void aChangedConfigurationRollsOnlyTheAffectedPods() {
        RenderedChart before = RenderedChart.withDefaults();
        RenderedChart after = RenderedChart.with(Map.of("services.scoring.javaToolOptions", "-XX:MaxRAMPercentage=60"));

        assertThat(checksum(after, "scoring")).isNotEqualTo(checksum(before, "scoring"));
        assertThat(checksum(after, "reporting")).isEqualTo(checksum(before, "reporting"));
    }

    @Test
    void ingressCanBeSwitchedOff() {
        assertThat(RenderedChart.with(Map.of("ingress.enabled", "false")).all(Ingress.class)).isEmpty();
    }

    private static String checksum(RenderedChart chart, String service) {
        return chart.deployment(service).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    }
}
