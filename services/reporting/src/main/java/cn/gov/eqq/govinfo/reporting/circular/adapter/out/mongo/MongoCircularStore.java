package cn.gov.eqq.govinfo.reporting.circular.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.reporting.circular.adapter.out.kafka.CloudEventJson;
import cn.gov.eqq.govinfo.reporting.circular.application.CircularStore;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularStatus;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code circulars}: one document per circular version, {@code {_id, circular, seriesId, kind, period, status,
 * revision, updatedAt, outbox}}. Changes are {@code $set}s conditional on the revision read, with the CloudEvents for
 * the dashboard {@code $push}ed to {@code outbox} in the same write; the platform's outbox relay publishes them
 * (structured mode: the {@code content-type} header, key = the event's {@code partitionkey}, the series).
 */
@Repository
class MongoCircularStore implements CircularStore {

    static final String COLLECTION = "circulars";
    static final String COUNTERS = "document_numbers";
    /** The Kafka protocol binding's structured-mode header (CloudEvents Kafka binding 1.0, section 3.2). */
    static final String CONTENT_TYPE = "content-type";

    record CircularDocument(String id, Circular circular, String seriesId, String kind, String period, String status,
                            long revision, Instant updatedAt, List<OutboxEntry> outbox) {
    }

    private final MongoTemplate mongo;
    private final CloudEventJson json;

    MongoCircularStore(MongoTemplate mongo, CloudEventJson json) {
        this.mongo = mongo;
        this.json = json;
    }

    @Override
    public boolean create(Circular c) {
        try {
            mongo.insert(new CircularDocument(c.id(), c, c.seriesId(), c.kind().name(), c.period(), c.status().name(),
                    c.revision(), c.updatedAt(), List.of()), COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public boolean update(Circular next, long expectedRevision, List<CloudEvent<?>> announce) {
        Query same = new Query(Criteria.where("_id").is(next.id()).and("revision").is(expectedRevision));
        Update update = new Update().set("circular", next).set("status", next.status().name())
                .set("revision", next.revision()).set("updatedAt", next.updatedAt());
        if (!announce.isEmpty()) {
            Instant at = next.updatedAt();
            Object[] entries = announce.stream()
                    .map(e -> new OutboxEntry(e.id(), cn.gov.eqq.govinfo.contracts.Topics.CIRCULARS,
                            e.partitionkey(), json.write(e), at,
                            Map.of(CONTENT_TYPE, CloudEvent.STRUCTURED_CONTENT_TYPE)))
                    .toArray();
            update.push("outbox").each(entries);
        }
        return mongo.updateFirst(same, update, COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public Optional<Circular> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CircularDocument.class, COLLECTION))
                .map(CircularDocument::circular);
    }

    @Override
    public List<Circular> series(String seriesId) {
        return mongo.find(new Query(Criteria.where("seriesId").is(seriesId)).with(Sort.by("circular.version")),
                CircularDocument.class, COLLECTION).stream().map(CircularDocument::circular).toList();
    }

    @Override
    public List<Circular> list(String period, CircularKind kind) {
        Criteria c = new Criteria();
        if (period != null) {
            c = c.and("period").is(period);
        }
        if (kind != null) {
            c = c.and("kind").is(kind.name());
        }
        return mongo.find(new Query(c).with(Sort.by(Sort.Direction.DESC, "updatedAt")), CircularDocument.class,
                COLLECTION).stream().map(CircularDocument::circular).toList();
    }

    @Override
    public Page published(Instant since, int page, int size) {
        Criteria c = Criteria.where("status").in(CircularStatus.PUBLISHED.name(), CircularStatus.SUPERSEDED.name());
        if (since != null) {
            c = c.and("updatedAt").gt(since);
        }
        Query q = new Query(c);
        long total = mongo.count(q, COLLECTION);
        q.with(Sort.by("updatedAt", "_id")).skip((long) page * size).limit(size);
        return new Page(mongo.find(q, CircularDocument.class, COLLECTION).stream().map(CircularDocument::circular)
                .toList(), total);
    }

    @Override
    public long nextDocumentSequence(int year) {
        Document counter = mongo.findAndModify(new Query(Criteria.where("_id").is(year)), new Update().inc("seq", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS);
        return ((Number) counter.get("seq")).longValue();
    }
}
