package cn.gov.eqq.govinfo.charts;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json is enforced by Helm itself: wrong values stop the render before anything reaches a cluster. */
class ValuesSchemaTest {

    @Test
    void privilegedPortIsRejected() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of("services.scoring.port", "80")))
                .hasMessageContaining("port");
    }

    @Test
    void unknownKafkaSecurityProtocolIsRejected() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of("kafka.securityProtocol", "SASL_TLS")))
                .hasMessageContaining("securityProtocol");
    }

    @Test
    void misspelledTopLevelKeyIsRejected() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of("ingres.enabled", "false")))
                .hasMessageContaining("ingres");
    }

    @Test
    void serviceWithoutImageRepositoryIsRejected() {
        assertThatThrownBy(() -> RenderedChart.template(Map.of("services.scoring.image.repository", "")))
                .hasMessageContaining("repository");
    }

    @Test
    void plainProductionOverridesAreAccepted() {
        assertThatCode(() -> RenderedChart.template(Map.of(
                "services.scoring.autoscaling.maxReplicas", "12",
                "kafka.replicationFactor", "5",
                "image.tag", "1.2.3",
                "kafka.securityProtocol", "PLAINTEXT"))).doesNotThrowAnyException();
    }
}
