package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;

import org.bson.Document;

import java.util.Date;

/** An outbox entry as the platform relay reads it from a document's {@code outbox} array (docs/adr/0002). */
public final class OutboxDocuments {

    private OutboxDocuments() {
    }

    public static Document of(OutboxEntry entry) {
        return new Document("eventId", entry.eventId()).append("topic", entry.topic())
                .append("key", entry.key()).append("json", entry.json())
                .append("createdAt", Date.from(entry.createdAt()));
    }
}
