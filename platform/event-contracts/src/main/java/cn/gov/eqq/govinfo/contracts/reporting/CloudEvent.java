package cn.gov.eqq.govinfo.contracts.reporting;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as reporting writes it on
 * {@link cn.gov.eqq.govinfo.contracts.Topics#CIRCULARS} for the city appraisal dashboard. The attribute names are
 * the specification's own, so the record serialises to a conforming document. On Kafka the record carries the header
 * {@code content-type: application/cloudevents+json} ({@link #STRUCTURED_CONTENT_TYPE}) and its key is
 * {@link #partitionkey()} (the Kafka protocol binding's structured mode and key mapping).
 *
 * @param id           unique per source; consumers deduplicate on it
 * @param source       an absolute URI naming the producer, e.g. {@code urn:govinfo:eqq:reporting}
 * @param type         {@link #CIRCULAR_PUBLISHED}, {@link #RANKING_FINALIZED} or {@link #CIRCULAR_SUPERSEDED}; the
 *                     trailing {@code .v1} is the data contract version (additive changes only within it)
 * @param subject      what the event is about: {@code circular/QUARTERLY-2026-Q3} or {@code ranking/2026-Q3|2}
 * @param dataschema   absolute URI of the JSON Schema of {@code data} (served by reporting)
 * @param partitionkey the Partitioning extension: the circular series ({@code QUARTERLY-2026-Q3}), also the Kafka
 *                     key, so every event of one publication and its corrections stays on one partition, in order
 */
public record CloudEvent<T>(String specversion, String id, String source, String type, Instant time, String subject,
                            String datacontenttype, String dataschema, String partitionkey, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** The Kafka {@code content-type} header of a structured-mode record. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String CIRCULAR_PUBLISHED = "cn.gov.eqq.govinfo.circular.published.v1";
    public static final String RANKING_FINALIZED = "cn.gov.eqq.govinfo.ranking.finalized.v1";
    public static final String CIRCULAR_SUPERSEDED = "cn.gov.eqq.govinfo.circular.superseded.v1";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be 1.0");
        }
        if (!URI.create(source).isAbsolute()) {
            throw new IllegalArgumentException("source must be an absolute URI: " + source);
        }
        if (dataschema != null && !URI.create(dataschema).isAbsolute()) {
            throw new IllegalArgumentException("dataschema must be an absolute URI: " + dataschema);
        }
    }

    public static <T> CloudEvent<T> of(String id, String source, String type, Instant time, String subject,
                                       String dataschema, String partitionkey, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type, time, subject, JSON, dataschema, partitionkey, data);
    }
}
