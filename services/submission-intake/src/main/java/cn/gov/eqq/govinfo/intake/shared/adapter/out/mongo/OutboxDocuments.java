package cn.gov.eqq.govinfo.intake.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntryDocuments;
import org.bson.Document;

import java.util.List;

/** An intake event's outbox entry, on the topic its catalogue type names, in the platform's one BSON form. */
public final class OutboxDocuments {

    private OutboxDocuments() {
    }

    public static Document of(EventEnvelope<?> envelope, EventCodec codec) {
        String topic = EventCatalog.typeOf(envelope.payload().getClass()).topic();
        return OutboxEntryDocuments.toDocument(OutboxEntry.of(envelope, topic, codec));
    }

    public static List<Document> of(List<? extends EventEnvelope<?>> envelopes, EventCodec codec) {
        return envelopes.stream().map(e -> of(e, codec)).toList();
    }
}
