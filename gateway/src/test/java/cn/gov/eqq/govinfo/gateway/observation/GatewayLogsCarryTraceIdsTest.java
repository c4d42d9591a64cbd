package cn.gov.eqq.govinfo.gateway.observation;

import cn.gov.eqq.govinfo.testsupport.logging.StructuredLogProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own configuration (application.yml) with {@code GOVINFO_LOG_FORMAT=ecs}, as the chart runs it: one JSON
 * object per line with the ids of the span it was logged in, the same trace the gateway forwards to the services.
 */
class GatewayLogsCarryTraceIdsTest {

    @Test
    void withTheEcsFormatTheGatewaysLinesAreJsonWithTraceAndSpanIds() throws Exception {
        StructuredLogProbe.Result run = StructuredLogProbe.run(Map.of("GOVINFO_LOG_FORMAT", "ecs"),
                "--management.tracing.sampling.probability=1.0");

        JsonNode json = JsonMapper.builder().build().readTree(run.line());
        assertThat(json.path("message").asString()).isEqualTo(StructuredLogProbe.MARK);
        assertThat(json.path("service").path("name").asString()).isEqualTo("gateway");
        assertThat(json.path("traceId").asString()).isEqualTo(run.traceId());
        assertThat(json.path("spanId").asString()).isEqualTo(run.spanId());
    }
}
