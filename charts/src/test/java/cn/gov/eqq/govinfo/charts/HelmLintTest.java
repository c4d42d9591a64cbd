package cn.gov.eqq.govinfo.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class HelmLintTest {

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(RepoPaths.CHART).lint().strict().call();

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void chartShipsADocumentedValuesFileAndASchema() throws Exception {
        String values = Files.readString(RepoPaths.CHART.resolve("values.yaml"));

        assertThat(RepoPaths.CHART.resolve("values.schema.json")).isRegularFile();
        // Every top-level section is documented with a Bitnami-style @param line.
        for (String section : new String[]{"image", "serviceDefaults", "services", "keycloak", "mongodb", "kafka",
                "strimzi", "ingress", "networkPolicy", "metrics"}) {
            assertThat(values).as("values.yaml documents %s", section).contains("## @param " + section + ".");
        }
    }
}
