package cn.gov.eqq.govinfo.intake.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/** Outbox entries as plain BSON, exactly the fields the relay reads (docs/platform-api.md). */
public final class OutboxDocuments {

    private OutboxDocuments() {
    }

    public static Document of(EventEnvelope<?> envelope, EventCodec codec) {
        String topic = EventCatalog.typeOf(envelope.payload().getClass()).topic();
        OutboxEntry entry = OutboxEntry.of(envelope, topic, codec);
        return new Document("eventId", entry.eventId())
                .append("topic", entry.topic())
                .append("key", entry.key())
                .append("json", entry.json())
                .append("createdAt", Date.from(entry.createdAt()));
    }

    public static List<Document> of(List<? extends EventEnvelope<?>> envelopes, EventCodec codec) {
        return envelopes.stream().map(e -> of(e, codec)).toList();
    }
}
