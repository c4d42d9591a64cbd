package cn.gov.eqq.govinfo.contracts.reporting;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as reporting writes it on
 * {@link cn.gov.eqq.govinfo.contracts.Topics#CIRCULARS} for the city appraisal dashboard. The attribute names are
 * the specification's own, so the record serialises to a conforming document.
 *
 * @param id      unique per source; consumers deduplicate on it
 * @param source  a URI reference naming the producer, e.g. {@code /govinfo/reporting}
 * @param type    {@link #CIRCULAR_PUBLISHED} or {@link #RANKING_FINALIZED}; the trailing {@code .v1} is the data
 *                contract version (additive changes only within it)
 * @param subject what the event is about: {@code circular/QUARTERLY-2026-Q3} or {@code ranking/2026-Q3|2}; also the
 *                Kafka key, so one subject stays in order
 */
public record CloudEvent<T>(String specversion, String id, String source, String type, Instant time, String subject,
                            String datacontenttype, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    public static final String CIRCULAR_PUBLISHED = "cn.gov.eqq.govinfo.circular.published.v1";
    public static final String RANKING_FINALIZED = "cn.gov.eqq.govinfo.ranking.finalized.v1";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be 1.0");
        }
    }

    public static <T> CloudEvent<T> of(String id, String source, String type, Instant time, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type, time, subject, JSON, data);
    }
}
