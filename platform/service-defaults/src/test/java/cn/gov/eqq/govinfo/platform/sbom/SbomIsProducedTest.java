package cn.gov.eqq.govinfo.platform.sbom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Maven build writes a CycloneDX SBOM of each module into its classes ({@code META-INF/sbom/application.cdx.json},
 * so into every jar and image). This module's own SBOM must list what it really depends on.
 */
class SbomIsProducedTest {

    @Test
    void theBuildWritesACycloneDxSbomListingTheModulesRealDependencies() throws Exception {
        JsonNode sbom;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
            assertThat(in).as("META-INF/sbom/application.cdx.json on the classpath (cyclonedx-maven-plugin)").isNotNull();
            sbom = JsonMapper.builder().build().readTree(in);
        }
        assertThat(sbom.get("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(sbom.get("specVersion").asString()).matches("1\\.[4-9]");
        assertThat(sbom.get("metadata").get("component").get("name").asString()).isEqualTo("service-defaults");

        List<String> components = new ArrayList<>();
        sbom.get("components").forEach(c -> components.add(c.get("group").asString() + ":" + c.get("name").asString()));
        assertThat(components).contains("org.springframework.kafka:spring-kafka", "org.mongodb:mongodb-driver-sync",
                "cn.gov.eqq.govinfo:event-contracts");
        assertThat(sbom.get("components")).allSatisfy(c -> assertThat(c.get("purl").asString()).startsWith("pkg:maven/"));
    }
}
