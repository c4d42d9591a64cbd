package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.reporting.CircularPublished;
import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Reads a record of {@code reporting.circular-events.v1} for services that need to know which periods a published
 * circular covers (scoring: no policy version may change them; intake: no correction may). Only
 * {@code cn.gov.eqq.govinfo.circular.published.v1} is read; figures the reader does not use may be missing.
 */
public final class CircularPublications {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // figures the readers do not use
            .build();

    private CircularPublications() {
    }

    /**
     * @return the publication, or empty for another CloudEvents type (rankings finalized, supersessions: the
     *         publication already covered the period)
     * @throws EventDecodingException when the record is not a CloudEvent, or a publication lacks series, period or
     *                                version
     */
    public static Optional<CircularPublished> read(String json) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new EventDecodingException("not a CloudEvent: " + e.getOriginalMessage(), e);
        }
        if (!CloudEvent.CIRCULAR_PUBLISHED.equals(event.path("type").asString(null))) {
            return Optional.empty();
        }
        CircularPublished c;
        try {
            c = JSON.treeToValue(event.path("data"), CircularPublished.class);
        } catch (JacksonException e) {
            throw new EventDecodingException("circular.published without readable data: " + e.getOriginalMessage(), e);
        }
        if (c == null || c.seriesId() == null || c.period() == null || c.version() < 1) {
            throw new EventDecodingException("circular.published without series, period or version");
        }
        return Optional.of(c);
    }
}
