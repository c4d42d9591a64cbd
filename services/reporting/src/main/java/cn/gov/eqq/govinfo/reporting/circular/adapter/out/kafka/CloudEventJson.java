package cn.gov.eqq.govinfo.reporting.circular.adapter.out.kafka;

import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * CloudEvents 1.0 structured JSON: the attributes at the top level, {@code time} as RFC 3339, {@code data} as a JSON
 * object ({@code datacontenttype: application/json}). Absent optional values are left out, as the format asks.
 */
@Component
public class CloudEventJson {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    public String write(CloudEvent<?> event) {
        return json.writeValueAsString(event);
    }

    public tools.jackson.databind.JsonNode read(String text) {
        return json.readTree(text);
    }
}
