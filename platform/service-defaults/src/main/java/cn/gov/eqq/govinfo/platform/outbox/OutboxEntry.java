package cn.gov.eqq.govinfo.platform.outbox;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.platform.events.EventCodec;

import java.time.Instant;
import java.util.Map;

/**
 * An event waiting to be published, stored inside the aggregate document it belongs to, so that the state change
 * and the promise to publish are one atomic single-document write (docs/adr/0002).
 *
 * @param headers Kafka record headers to send with it (UTF-8 values), e.g. the {@code content-type} of a CloudEvents
 *                structured-mode record; empty for the internal topics. Entries stored without the field read as
 *                empty.
 */
public record OutboxEntry(String eventId, String topic, String key, String json, Instant createdAt,
                          Map<String, String> headers) {

    /** The Kafka record header of a structured-mode CloudEvent (CloudEvents Kafka binding 1.0, section 3.2). */
    public static final String CONTENT_TYPE = "content-type";

    public OutboxEntry {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public OutboxEntry(String eventId, String topic, String key, String json, Instant createdAt) {
        this(eventId, topic, key, json, createdAt, Map.of());
    }

    /** The entry of an integration event: keyed by its aggregate, created when the event occurred. */
    public static OutboxEntry of(EventEnvelope<?> envelope, String topic, EventCodec codec) {
        return new OutboxEntry(envelope.eventId(), topic, envelope.key(), codec.encode(envelope), envelope.occurredAt());
    }

    /**
     * The entry of a CloudEvent in structured mode ({@code json} is the whole event as its producer writes it): keyed
     * by its partition key and sent with the {@code content-type} header the Kafka protocol binding asks for.
     */
    public static OutboxEntry of(CloudEvent<?> event, String topic, String json, Instant createdAt) {
        return new OutboxEntry(event.id(), topic, event.partitionkey(), json, createdAt,
                Map.of(CONTENT_TYPE, CloudEvent.STRUCTURED_CONTENT_TYPE));
    }
}
