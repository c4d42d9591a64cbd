package cn.gov.eqq.govinfo.charts;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * k8s/govinfo.yaml is the chart rendered with its default values, never edited by hand. This test fails when it
 * differs from a fresh render; {@code -Dgovinfo.k8s.regenerate=true} rewrites it instead.
 */
class K8sManifestsAreAFreshRenderTest {

    static final String HEADER = """
            # GENERATED from charts/govinfo with its default values. Do not edit by hand.
            # Regenerate: ./mvnw -q -B -pl charts verify -Dgovinfo.k8s.regenerate=true
            #   (or with the Helm CLI: helm template govinfo charts/govinfo --namespace govinfo, below this header)
            """;
    static final String REGENERATE = "./mvnw -q -B -pl charts verify -Dgovinfo.k8s.regenerate=true";

    @Test
    void k8sManifestsEqualAFreshRenderOfTheChartWithDefaultValues() throws Exception {
        String fresh = HEADER + RenderedChart.template(Map.of());

        if (Boolean.getBoolean("govinfo.k8s.regenerate")) {
            Files.createDirectories(RepoPaths.K8S_MANIFEST.getParent());
            Files.writeString(RepoPaths.K8S_MANIFEST, fresh);
        }

        if (!Files.exists(RepoPaths.K8S_MANIFEST)) {
            fail("k8s/govinfo.yaml is missing. Regenerate it with: " + REGENERATE);
        }
        String committed = Files.readString(RepoPaths.K8S_MANIFEST);
        if (!committed.equals(fresh)) {
            fail("k8s/govinfo.yaml differs from a fresh render of charts/govinfo (first difference at line "
                    + firstDifferentLine(committed, fresh) + "). Regenerate it with: " + REGENERATE);
        }
        assertThat(committed).contains("kind: Deployment");
    }

    private static int firstDifferentLine(String a, String b) {
        String[] la = a.split("\n", -1);
        String[] lb = b.split("\n", -1);
        for (int i = 0; i < Math.min(la.length, lb.length); i++) {
            if (!la[i].equals(lb[i])) {
                return i + 1;
            }
        }
        return Math.min(la.length, lb.length) + 1;
    }
}
