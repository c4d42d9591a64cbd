package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service scales on its own: it has its own Deployment, Service, ServiceAccount, HPA and PDB. */
class PerServiceObjectsTest {

    static final List<String> SERVICES = RenderedChart.SERVICES;
    static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "submission-intake", 8081,
            "adoption-tracking", 8082, "commission-tasking", 8083, "scoring", 8084, "reporting", 8085);

    private final RenderedChart chart = RenderedChart.withDefaults();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceHasItsOwnDeploymentServiceAccountHpaAndPdb(String service) {
        Deployment deployment = chart.deployment(service);
        ServiceAccount account = chart.serviceAccount(service);
        HorizontalPodAutoscaler hpa = chart.hpa(service);
        PodDisruptionBudget pdb = chart.pdb(service);

        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(account.getMetadata().getName());
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).singleElement()
                .satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        // The HPA owns the replica count; a fixed one in the Deployment would fight it on every upgrade.
        assertThat(deployment.getSpec().getReplicas()).isNull();
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceSelectsThePodsOfItsDeploymentOnTheNamedHttpPort(String service) {
        Deployment deployment = chart.deployment(service);
        Service svc = chart.service(service);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        int port = PORTS.get(service);

        assertThat(svc.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(svc.getSpec().getSelector());
        assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(port);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http", port));
        assertThat(chart.configMap(service).getData()).containsEntry("SERVER_PORT", String.valueOf(port));
    }

    /** Freed native memory stays in glibc's arenas, up to 8 per core by default (docs/performance.md, section 6). */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyServiceRunsWithTwoMallocArenas(String service) {
        assertThat(chart.configMap(service).getData()).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void onlyTheGatewayIsExposedThroughAnIngress() {
        List<Ingress> ingresses = chart.all(Ingress.class);

        assertThat(ingresses).singleElement().satisfies(ingress -> {
            var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
            assertThat(backend.getName()).isEqualTo(RenderedChart.objectName("gateway"));
            assertThat(backend.getPort().getName()).isEqualTo("http");
            assertThat(ingress.getSpec().getTls()).singleElement()
                    .satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("govinfo-tls"));
        });
    }

    @Test
    void everyObjectLivesInTheReleaseNamespace() {
        assertThat(chart.objects()).extracting(HasMetadata::getMetadata)
                .allSatisfy(m -> assertThat(m.getNamespace()).as(m.getName()).isEqualTo(RenderedChart.NAMESPACE));
    }
}
