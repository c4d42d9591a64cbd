package cn.gov.eqq.govinfo.platform.outbox;

import org.bson.Document;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one BSON form of an {@link OutboxEntry} inside a document's {@code outbox} array, the fields {@link OutboxRelay}
 * reads: {@code eventId}, {@code topic}, {@code key}, {@code json}, {@code createdAt} (a BSON date) and, only when
 * there are any, {@code headers} (a sub-document of strings). Every service's store writes its entries with it, so
 * all outboxes look alike; {@link #toEntry} reads every form stored so far, with or without {@code headers}.
 */
public final class OutboxEntryDocuments {

    private OutboxEntryDocuments() {
    }

    public static Document toDocument(OutboxEntry entry) {
        Document document = new Document("eventId", entry.eventId())
                .append("topic", entry.topic())
                .append("key", entry.key())
                .append("json", entry.json())
                .append("createdAt", Date.from(entry.createdAt()));
        if (!entry.headers().isEmpty()) {
            document.append("headers", new Document(new LinkedHashMap<>(entry.headers())));
        }
        return document;
    }

    public static List<Document> toDocuments(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntryDocuments::toDocument).toList();
    }

    public static OutboxEntry toEntry(Document document) {
        Document headers = document.get("headers", Document.class);
        Map<String, String> values = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> values.put(name, String.valueOf(value)));
        }
        return new OutboxEntry(document.getString("eventId"), document.getString("topic"), document.getString("key"),
                document.getString("json"), document.getDate("createdAt").toInstant(), values);
    }
}
