package cn.gov.eqq.govinfo.intake.item.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.reporting.CircularPublished;
import cn.gov.eqq.govinfo.intake.item.application.PublishedCircularStore;
import cn.gov.eqq.govinfo.intake.item.domain.PublishedCircular;
import cn.gov.eqq.govinfo.platform.events.CircularPublications;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads reporting's CloudEvents for the one thing intake needs from them: which quarters and years have a published
 * circular, after which the room can no longer correct an item of that period. Kept in
 * {@code published_circulars}; the group is the service's own ({@code submission-intake}). Other CloudEvents types
 * are skipped; a record that is not a CloudEvent, or a publication without series, period or version, is
 * dead-lettered.
 */
@Component
class CircularEventsListener {

    private static final Pattern QUARTER_OR_YEAR = Pattern.compile("^\\d{4}(-Q[1-4])?$");

    /** A publication as intake keeps it: the circular and its version within the series. */
    record Publication(PublishedCircular circular, int version) {
    }

    private final PublishedCircularStore circulars;

    CircularEventsListener(PublishedCircularStore circulars) {
        this.circulars = circulars;
    }

    @KafkaListener(id = "intake-circulars", groupId = "${spring.application.name}", topics = Topics.CIRCULARS)
    void on(ConsumerRecord<String, String> record) {
        read(record.value()).ifPresent(p -> circulars.published(p.circular(), p.version()));
    }

    /**
     * @return the publication, or empty for another CloudEvents type
     * @throws EventDecodingException when the record is not a CloudEvent or a publication lacks what intake needs
     */
    static Optional<Publication> read(String json) {
        Optional<CircularPublished> published = CircularPublications.read(json);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        CircularPublished c = published.get();
        if (!QUARTER_OR_YEAR.matcher(c.period()).matches()) {
            throw new EventDecodingException("circular.published with a period that is no quarter or year: "
                    + c.period());
        }
        return Optional.of(new Publication(
                new PublishedCircular(c.seriesId(), c.period(), c.title(), c.documentNumber()), c.version()));
    }
}
