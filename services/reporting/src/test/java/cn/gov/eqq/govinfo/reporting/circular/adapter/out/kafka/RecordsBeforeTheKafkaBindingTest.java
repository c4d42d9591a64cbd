package cn.gov.eqq.govinfo.reporting.circular.adapter.out.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records written before the Kafka protocol binding (no {@code content-type} header, relative {@code source}, key =
 * subject, no {@code dataschema}/{@code partitionkey}) are still CloudEvents 1.0 structured JSON in their value: the
 * SDK's JSON format reads them when the consumer reads the value itself (docs/services/reporting.md says how).
 */
class RecordsBeforeTheKafkaBindingTest {

    @Test
    void theSdksJsonFormatReadsARecordValueWrittenBeforeTheBinding() throws Exception {
        byte[] value;
        try (InputStream in = getClass().getResourceAsStream("/legacy/circular.published.v1-before-kafka-binding.json")) {
            value = in.readAllBytes();
        }
        CloudEvent event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(value);
        assertThat(event.getId()).isEqualTo("QUARTERLY-2026-Q3-v1/published");
        assertThat(event.getSource().toString()).isEqualTo("/govinfo/reporting");
        assertThat(event.getDataSchema()).isNull();
        assertThat(event.getExtension("partitionkey")).isNull();
        assertThat(new String(event.getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"documentNumber\":\"鄂前政办信〔2026〕7号\"");
    }
}
