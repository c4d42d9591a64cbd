package cn.gov.eqq.govinfo.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic: a small header that any consumer can read without knowing the payload,
 * and the payload itself. The wire names ({@code type}, {@code version}) are contract names, never Java
 * class names, so that classes can be renamed without breaking consumers.
 *
 * @param eventId    unique per event; consumers deduplicate on it
 * @param type       the payload's contract name, e.g. {@code ItemReceived}
 * @param version    the payload's contract version; only additive changes within a version
 * @param occurredAt when the fact happened in the producer (UTC instant)
 * @param producer   the service that owns the topic
 * @param key        the aggregate id, also the Kafka record key (one aggregate stays in order)
 * @param payload    the event itself
 */
public record EventEnvelope<P extends IntegrationEvent>(
        String eventId, String type, int version, Instant occurredAt, String producer, String key, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }

    /** Wraps a payload in a fresh envelope; type and version come from the contract catalogue. */
    public static <P extends IntegrationEvent> EventEnvelope<P> wrap(P payload, String producer, Instant occurredAt) {
        EventType type = EventCatalog.typeOf(payload.getClass());
        return new EventEnvelope<>(UUID.randomUUID().toString(), type.name(), type.version(), occurredAt, producer,
                payload.aggregateKey(), payload);
    }
}
