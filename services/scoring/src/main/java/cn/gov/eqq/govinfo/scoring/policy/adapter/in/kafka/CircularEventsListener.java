package cn.gov.eqq.govinfo.scoring.policy.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.reporting.CircularPublished;
import cn.gov.eqq.govinfo.platform.events.CircularPublications;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.rules.domain.PublishedCircular;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

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
        Optional<CircularPublished> published = CircularPublications.read(json);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        CircularPublished c = published.get();
        ReportingPeriod period;
        try {
            period = ReportingPeriod.parse(c.period());
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException("circular.published with an unknown period: " + c.period(), e);
        }
        return Optional.of(new Publication(new PublishedCircular(c.seriesId(), period, c.title(), c.documentNumber()),
                c.version()));
    }
}
