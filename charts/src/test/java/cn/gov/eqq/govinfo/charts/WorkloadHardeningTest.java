package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every container of every render variant is probed, bounded and locked down (Online Boutique style). */
class WorkloadHardeningTest {

    static Stream<Map<String, String>> variants() {
        return Stream.of(
                Map.of(),
                Map.of("strimzi.enabled", "true", "metrics.serviceMonitor.enabled", "true"),
                Map.of("serviceDefaults.autoscaling.enabled", "false", "kafka.securityProtocol", "PLAINTEXT"),
                Map.of("services.scoring.resources.limits.memory", "2Gi", "services.scoring.resources.requests.memory", "1Gi"));
    }

    static List<Container> containers(Map<String, String> values) {
        List<Deployment> deployments = RenderedChart.with(values).all(Deployment.class);
        assertThat(deployments).hasSize(RenderedChart.SERVICES.size());
        return deployments.stream().flatMap(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            return Stream.concat(pod.getContainers().stream(),
                    pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream());
        }).toList();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyContainerHasLivenessAndReadinessOnTheActuatorHealthGroups(Map<String, String> values) {
        for (Container c : containers(values)) {
            assertHttpProbe(c.getName(), c.getLivenessProbe(), "/actuator/health/liveness");
            assertHttpProbe(c.getName(), c.getReadinessProbe(), "/actuator/health/readiness");
            assertHttpProbe(c.getName(), c.getStartupProbe(), "/actuator/health/liveness");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyContainerHasCpuAndMemoryRequestsAndAMemoryLimitAtLeastItsRequest(Map<String, String> values) {
        for (Container c : containers(values)) {
            Map<String, Quantity> requests = c.getResources().getRequests();
            Map<String, Quantity> limits = c.getResources().getLimits();
            assertThat(requests).as(c.getName()).containsKeys("cpu", "memory");
            assertThat(limits).as(c.getName()).containsKeys("cpu", "memory");
            assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                    .as("%s memory limit >= request", c.getName())
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyContainerRunsAsNonRootOnAReadOnlyRootWithoutCapabilities(Map<String, String> values) {
        for (Container c : containers(values)) {
            SecurityContext sc = c.getSecurityContext();
            assertThat(sc).as(c.getName()).isNotNull();
            assertThat(sc.getRunAsNonRoot()).as("%s runAsNonRoot", c.getName()).isTrue();
            assertThat(sc.getRunAsUser()).as("%s uid", c.getName()).isNotNull().isNotZero();
            assertThat(sc.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", c.getName()).isTrue();
            assertThat(sc.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", c.getName()).isFalse();
            assertThat(sc.getPrivileged()).as("%s privileged", c.getName()).isNotEqualTo(Boolean.TRUE);
            assertThat(sc.getCapabilities().getDrop()).as("%s drops", c.getName()).containsExactly("ALL");
            assertThat(sc.getCapabilities().getAdd()).as("%s adds", c.getName()).isNullOrEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void podsMountNoServiceAccountTokenAndGetAWritableTmpOnly(Map<String, String> values) {
        for (Deployment d : RenderedChart.with(values).all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String name = d.getMetadata().getName();
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getVolumes()).as(name)
                    .allMatch(v -> v.getEmptyDir() != null || v.getSecret() != null)
                    .anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null);
            assertThat(pod.getContainers().get(0).getVolumeMounts())
                    .filteredOn(m -> m.getMountPath().equals("/tmp")).hasSize(1);
        }
    }

    private static void assertHttpProbe(String container, Probe probe, String path) {
        assertThat(probe).as("%s probe on %s", container, path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(container).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(container).isEqualTo("http");
        assertThat(probe.getPeriodSeconds()).as(container).isPositive();
        assertThat(probe.getFailureThreshold()).as(container).isPositive();
    }
}
