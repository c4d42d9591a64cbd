package cn.gov.eqq.govinfo.platform.tracing;

import cn.gov.eqq.govinfo.testsupport.logging.StructuredLogProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart sets {@code GOVINFO_LOG_FORMAT=ecs}: every console line of a service is then one JSON object, and a line
 * logged inside a span carries that span's trace and span ids, so a log search finds every line of one request.
 */
class StructuredLogsCarryTraceIdsTest {

    private static final String[] SERVICE_CONFIGURATION = {"--spring.config.import=classpath:govinfo-defaults.yml",
            "--spring.application.name=log-probe", "--management.tracing.sampling.probability=1.0"};

    @Test
    void withTheEcsFormatALineLoggedInASpanIsJsonWithItsTraceAndSpanIds() throws Exception {
        StructuredLogProbe.Result run = StructuredLogProbe.run(Map.of("GOVINFO_LOG_FORMAT", "ecs"), SERVICE_CONFIGURATION);

        JsonNode json = JsonMapper.builder().build().readTree(run.line());
        assertThat(json.path("message").asString()).isEqualTo(StructuredLogProbe.MARK);
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("service").path("name").asString()).isEqualTo("log-probe");
        assertThat(json.path("traceId").asString()).isEqualTo(run.traceId());
        assertThat(json.path("spanId").asString()).isEqualTo(run.spanId());
    }

    @Test
    void withoutAFormatTheConsoleStaysPlainTextForTheDevstack() throws Exception {
        StructuredLogProbe.Result run = StructuredLogProbe.run(Map.of("GOVINFO_LOG_FORMAT", ""), SERVICE_CONFIGURATION);

        assertThat(run.line()).doesNotStartWith("{").contains("INFO");
    }
}
