package cn.gov.eqq.govinfo.charts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart and docker-compose.yml configure the services through environment variables. Spring binds the
 * {@code SPRING_*} ones and the JVM reads {@code JAVA_TOOL_OPTIONS} by themselves; every other variable only works
 * if the service's configuration reads it as a {@code ${NAME...}} placeholder. A renamed placeholder would otherwise
 * leave a deployed service on its 127.0.0.1 defaults.
 */
class EnvironmentContractTest {

    static final List<String> SERVICES = RenderedChart.SERVICES;
    private static final Map<String, String> MODULE = Map.of("gateway", "gateway",
            "submission-intake", "services/submission-intake", "adoption-tracking", "services/adoption-tracking",
            "commission-tasking", "services/commission-tasking", "scoring", "services/scoring",
            "reporting", "services/reporting");
    private static final Path SHARED_DEFAULTS =
            RepoPaths.ROOT.resolve("platform/service-defaults/src/main/resources/govinfo-defaults.yml");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyVariableTheChartSetsIsReadByTheService(String service) throws Exception {
        Set<String> variables = new TreeSet<>(RenderedChart.with(Map.of("keycloak.jwkSetUri",
                "http://keycloak:8080/realms/govinfo/protocol/openid-connect/certs")).configMap(service).getData().keySet());
        variables.add("MONGODB_URI");
        if (service.equals("gateway")) {
            variables.remove("MONGODB_URI");
        }
        // the JVM reads JAVA_TOOL_OPTIONS, the C library MALLOC_ARENA_MAX
        variables.removeIf(v -> v.startsWith("SPRING_") || v.equals("JAVA_TOOL_OPTIONS")
                || v.equals("MALLOC_ARENA_MAX"));

        String config = configOf(service);
        assertThat(variables).as("%s: variables set by the chart but not read by its configuration", service)
                .allSatisfy(v -> assertThat(config).as(v).contains("${" + v + ":"));
    }

    private static String configOf(String service) throws Exception {
        Path yml = RepoPaths.ROOT.resolve(MODULE.get(service)).resolve("src/main/resources/application.yml");
        assertThat(yml).as("application.yml of " + service).isRegularFile();
        List<String> parts = new ArrayList<>();
        parts.add(Files.readString(yml));
        if (!service.equals("gateway")) {
            parts.add(Files.readString(SHARED_DEFAULTS));
            // a few settings are read by @Value placeholders in code (e.g. the NewTopic beans' replicas)
            parts.add(javaSources(RepoPaths.ROOT.resolve(MODULE.get(service)).resolve("src/main/java")));
            parts.add(javaSources(RepoPaths.ROOT.resolve("platform/service-defaults/src/main/java")));
        }
        return String.join("\n", parts);
    }

    private static String javaSources(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            StringBuilder all = new StringBuilder();
            for (Path file : files) {
                all.append(Files.readString(file)).append('\n');
            }
            return all.toString();
        }
    }
}
