package cn.gov.eqq.govinfo.charts;

import cn.gov.eqq.govinfo.charts.PolicyEvaluator.Pod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example values for a throw-away cluster (ci/kind-values.yaml) still give hardened, policed workloads. */
class KindValuesTest {

    private final RenderedChart chart = RenderedChart.withValuesFile("ci/kind-values.yaml");

    @Test
    void oneReplicaEachWithoutAutoscalingAndStillHardened() {
        assertThat(chart.all(HorizontalPodAutoscaler.class)).isEmpty();
        for (Deployment d : chart.all(Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(d.getSpec().getReplicas()).isEqualTo(1);
            assertThat(c.getImage()).doesNotContain("registry.example.gov.cn").endsWith(":0.1.0");
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        }
        assertThat(chart.all(Deployment.class)).hasSize(RenderedChart.SERVICES.size());
    }

    @Test
    void plaintextKafkaInTheNamespaceIsReachableAndNothingElse() {
        PolicyEvaluator policies = new PolicyEvaluator(chart.all(NetworkPolicy.class));
        Pod kafka = new Pod("kafka", RenderedChart.NAMESPACE, Map.of("app.kubernetes.io/name", "kafka"), Map.of());
        Pod scoring = NetworkPolicyTest.pod(chart, "scoring");

        assertThat(chart.configMap("scoring").getData())
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.govinfo.svc:9092");
        assertThat(policies.allows(scoring, kafka, 9092)).isTrue();
        assertThat(policies.allows(NetworkPolicyTest.pod(chart, "gateway"), kafka, 9092)).isFalse();
        assertThat(policies.allows(NetworkPolicyTest.PROMETHEUS, scoring, 8084)).isFalse();
        assertThat(chart.all(Ingress.class)).singleElement()
                .satisfies(i -> assertThat(i.getSpec().getTls()).isNullOrEmpty());
    }
}
