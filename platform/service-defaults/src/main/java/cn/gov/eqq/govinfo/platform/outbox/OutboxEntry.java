package cn.gov.eqq.govinfo.platform.outbox;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
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

    public OutboxEntry {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public OutboxEntry(String eventId, String topic, String key, String json, Instant createdAt) {
        this(eventId, topic, key, json, createdAt, Map.of());
    }

    public static OutboxEntry of(EventEnvelope<?> envelope, String topic, EventCodec codec) {
        return new OutboxEntry(envelope.eventId(), topic, envelope.key(), codec.encode(envelope), envelope.occurredAt());
    }
}
