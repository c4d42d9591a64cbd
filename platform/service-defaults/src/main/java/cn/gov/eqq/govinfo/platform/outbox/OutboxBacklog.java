package cn.gov.eqq.govinfo.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

/**
 * What the outbox relay has not published yet, made visible and cheap to find:
 * <ul>
 *   <li>the index {@value #INDEX} on each outbox collection: {@code outboxClaimUntil} ascending, partial on
 *   {@code outbox.0} existing, so it holds only the documents with pending entries (a handful, not the whole
 *   collection) and serves the relay's pending query ({@code outbox.0} exists and the claim is absent or expired);</li>
 *   <li>the gauge {@value #METRIC} (tag {@code collection}): how many documents carry at least one unpublished entry.
 *   Every replica reads the same database, so every replica reports the same value: aggregate with {@code max}.</li>
 * </ul>
 * A backlog that grows means the broker is away or a document cannot be sent (the relay logs why).
 */
public class OutboxBacklog {

    /** The name of the pending-query index on every outbox collection. */
    public static final String INDEX = "outbox_pending";
    /** The Micrometer name of the backlog gauge ({@code govinfo_outbox_backlog} in Prometheus). */
    public static final String METRIC = "govinfo.outbox.backlog";

    private final MongoTemplate mongo;
    private final List<String> collections;

    public OutboxBacklog(MongoTemplate mongo, OutboxProperties properties) {
        this.mongo = mongo;
        this.collections = properties.collections();
    }

    /** Creates the pending-query index on every outbox collection (idempotent). */
    public void ensureIndexes() {
        for (String collection : collections) {
            mongo.indexOps(collection).createIndex(new Index().on(OutboxRelay.CLAIM_UNTIL, Sort.Direction.ASC)
                    .named(INDEX)
                    .partial(PartialIndexFilter.of(
                            Criteria.where(OutboxRelay.FIELD + ".0").exists(true))));
        }
    }

    /** Registers one gauge per outbox collection. */
    public void bindTo(MeterRegistry registry) {
        for (String collection : collections) {
            Gauge.builder(METRIC, this, backlog -> backlog.pendingDocuments(collection))
                    .description("Documents whose outbox still holds events not yet acknowledged by Kafka")
                    .tag("collection", collection)
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Documents of a collection with at least one unpublished entry, claimed or not. */
    public long pendingDocuments(String collection) {
        return mongo.count(new Query(Criteria.where(OutboxRelay.FIELD + ".0").exists(true)), Document.class,
                collection);
    }
}
