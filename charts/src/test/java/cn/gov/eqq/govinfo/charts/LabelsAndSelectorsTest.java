package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bitnami-style labels: the standard app.kubernetes.io/* set everywhere, selectors on name and instance only. */
class LabelsAndSelectorsTest {

    private static final Map<String, String> VARIANT = Map.of("strimzi.enabled", "true",
            "metrics.serviceMonitor.enabled", "true");

    @Test
    void everyObjectCarriesTheStandardLabels() {
        for (HasMetadata o : RenderedChart.with(VARIANT).objects()) {
            assertThat(o.getMetadata().getLabels()).as(o.getKind() + "/" + o.getMetadata().getName())
                    .containsKeys("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
                            "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by", "helm.sh/chart")
                    .containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE)
                    .containsEntry("app.kubernetes.io/part-of", "govinfo")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm");
        }
    }

    @Test
    void workloadSelectorsUseNameAndInstanceOnly() {
        RenderedChart chart = RenderedChart.withDefaults();
        for (String service : RenderedChart.SERVICES) {
            Map<String, String> expected = Map.of("app.kubernetes.io/name", service,
                    "app.kubernetes.io/instance", RenderedChart.RELEASE);
            Deployment d = chart.deployment(service);
            assertThat(d.getSpec().getSelector().getMatchLabels()).as(service).isEqualTo(expected);
            assertThat(d.getSpec().getSelector().getMatchExpressions()).as(service).isNullOrEmpty();
            assertThat(chart.service(service).getSpec().getSelector()).as(service).isEqualTo(expected);
            PodDisruptionBudget pdb = chart.pdb(service);
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).as(service).isEqualTo(expected);
            assertThat(chart.networkPolicy(service).getSpec().getPodSelector().getMatchLabels()).as(service)
                    .isEqualTo(expected);
            // The pod template carries the selector plus the informative labels.
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).as(service)
                    .containsAllEntriesOf(expected)
                    .containsEntry("app.kubernetes.io/component", service.equals("gateway") ? "gateway" : "service");
        }
    }

    @Test
    void imageTagFollowsTheChartAppVersionUnlessOverridden() {
        Deployment byDefault = RenderedChart.withDefaults().deployment("scoring");
        Deployment overridden = RenderedChart.with(Map.of("image.tag", "2026.08.1",
                "services.reporting.image.tag", "hotfix-1")).deployment("reporting");
        Deployment sibling = RenderedChart.with(Map.of("image.tag", "2026.08.1",
                "services.reporting.image.tag", "hotfix-1")).deployment("scoring");

        assertThat(byDefault.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.gov.cn/govinfo/scoring:0.1.0");
        assertThat(overridden.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.gov.cn/govinfo/reporting:hotfix-1");
        assertThat(sibling.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.gov.cn/govinfo/scoring:2026.08.1");
        assertThat(overridden.getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", "hotfix-1");
    }
}
