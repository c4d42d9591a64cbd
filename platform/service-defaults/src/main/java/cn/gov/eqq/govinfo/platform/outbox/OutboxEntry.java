package cn.gov.eqq.govinfo.platform.outbox;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.platform.events.EventCodec;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the aggregate document it belongs to, so that the state change
 * and the promise to publish are one atomic single-document write (docs/adr/0002).
 */
public record OutboxEntry(String eventId, String topic, String key, String json, Instant createdAt) {

    public static OutboxEntry of(EventEnvelope<?> envelope, String topic, EventCodec codec) {
        return new OutboxEntry(envelope.eventId(), topic, envelope.key(), codec.encode(envelope), envelope.occurredAt());
    }
}
