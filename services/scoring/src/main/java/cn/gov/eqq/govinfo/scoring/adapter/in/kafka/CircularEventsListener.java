package cn.gov.eqq.govinfo.scoring.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.reporting.CircularPublished;
import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import cn.gov.eqq.govinfo.scoring.application.Policies;
import cn.gov.eqq.govinfo.scoring.domain.Period;
import cn.gov.eqq.govinfo.scoring.domain.PublishedCircular;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Reads reporting's CloudEvents for the one thing scoring needs from them: which periods a published circular
 * covers, so that no policy version changes its figures; they are kept in {@code published_circulars}. A container
 * of its own in the service's group {@code scoring} (the one group its Kafka principal may use); a replay stops it
 * with the others but rewinds only the event topics, so it is not read again. Other CloudEvents types are skipped; a
 * record that is not a CloudEvent, or a publication without series, period or version, is dead-lettered.
 */
@Component
class CircularEventsListener {

    static final String ID = "scoring-circulars";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // figures scoring does not read
            .build();

    /** A publication as scoring keeps it: the circular and its version within the series. */
    record Publication(PublishedCircular circular, int version) {
    }

    private final Policies policies;

    CircularEventsListener(Policies policies) {
        this.policies = policies;
    }

    @KafkaListener(id = ID, groupId = "${spring.application.name}", topics = Topics.CIRCULARS)
    void on(ConsumerRecord<String, String> record) {
        read(record.value()).ifPresent(p -> policies.circularPublished(p.circular(), p.version()));
    }

    /**
     * @return the publication, or empty for another CloudEvents type
     * @throws EventDecodingException when the record is not a CloudEvent or a publication lacks what scoring needs
     */
    static Optional<Publication> read(String json) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new EventDecodingException("not a CloudEvent: " + e.getOriginalMessage(), e);
        }
        if (!CloudEvent.CIRCULAR_PUBLISHED.equals(event.path("type").asString(null))) {
            return Optional.empty(); // rankings finalized, supersessions: the publication already covered the period
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
        Period period;
        try {
            period = Period.parse(c.period());
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException("circular.published with an unknown period: " + c.period(), e);
        }
        return Optional.of(new Publication(new PublishedCircular(c.seriesId(), period, c.title(), c.documentNumber()),
                c.version()));
    }
}
