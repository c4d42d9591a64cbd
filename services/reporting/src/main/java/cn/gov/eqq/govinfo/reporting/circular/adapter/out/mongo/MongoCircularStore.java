package cn.gov.eqq.govinfo.reporting.circular.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntryDocuments;
import cn.gov.eqq.govinfo.reporting.circular.adapter.out.kafka.CloudEventJson;
import cn.gov.eqq.govinfo.reporting.circular.application.CircularStore;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularStatus;
import cn.gov.eqq.govinfo.reporting.shared.adapter.out.mongo.FeedSequence;
import cn.gov.eqq.govinfo.reporting.shared.domain.Sequenced;
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

    /** {@code feedSeq}: the dashboard feed's sequence number of the last change into published or superseded. */
    record CircularDocument(String id, Circular circular, String seriesId, String kind, String period, String status,
                            long revision, Instant updatedAt, List<OutboxEntry> outbox, Long feedSeq) {
    }

    static final String FEED = "circulars";
    private static final List<String> IN_FEED = List.of(CircularStatus.PUBLISHED.name(),
            CircularStatus.SUPERSEDED.name());

    private final MongoTemplate mongo;
    private final CloudEventJson json;
    private final FeedSequence sequence;

    MongoCircularStore(MongoTemplate mongo, CloudEventJson json, FeedSequence sequence) {
        this.mongo = mongo;
        this.json = json;
        this.sequence = sequence;
        numberUnsequenced();
    }

    /** Published versions stored before the feed had sequence numbers get theirs once, at start. */
    private void numberUnsequenced() {
        Query unsequenced = new Query(Criteria.where("status").in(IN_FEED).and("feedSeq").exists(false))
                .with(Sort.by("updatedAt", "_id"));
        unsequenced.fields().include("_id");
        for (Document d : mongo.find(unsequenced, Document.class, COLLECTION)) {
            sequence.keep(FEED, seq -> mongo.updateFirst(new Query(Criteria.where("_id").is(d.get("_id"))
                    .and("feedSeq").exists(false)), new Update().set("feedSeq", seq), COLLECTION)
                    .getModifiedCount() == 1);
        }
    }

    @Override
    public boolean create(Circular c) {
        try {
            mongo.insert(new CircularDocument(c.id(), c, c.seriesId(), c.kind().name(), c.period(), c.status().name(),
                    c.revision(), c.updatedAt(), List.of(), null), COLLECTION);
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
                    .map(e -> OutboxEntryDocuments.toDocument(OutboxEntry.of(e,
                            cn.gov.eqq.govinfo.contracts.Topics.CIRCULARS, json.write(e), at)))
                    .toArray();
            update.push("outbox").each(entries);
        }
        if (!IN_FEED.contains(next.status().name())) {
            return mongo.updateFirst(same, update, COLLECTION).getModifiedCount() == 1;
        }
        return sequence.keep(FEED, seq -> mongo.updateFirst(same, update.set("feedSeq", seq), COLLECTION)
                .getModifiedCount() == 1);
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
    public Sequenced.Page<Circular> published(long afterSeq, Instant changedAfter, int size) {
        Criteria c = Criteria.where("status").in(IN_FEED).and("feedSeq").gt(afterSeq).lte(sequence.horizon(FEED));
        if (changedAfter != null) {
            c = c.and("updatedAt").gt(changedAfter);
        }
        Query q = new Query(c);
        long total = mongo.count(q, COLLECTION);
        q.with(Sort.by("feedSeq")).limit(size);
        List<Sequenced<Circular>> items = mongo.find(q, CircularDocument.class, COLLECTION).stream()
                .map(d -> new Sequenced<>(d.feedSeq(), d.circular())).toList();
        return new Sequenced.Page<>(items, total - items.size());
    }

    @Override
    public long nextDocumentSequence(int year) {
        Document counter = mongo.findAndModify(new Query(Criteria.where("_id").is(year)), new Update().inc("seq", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS);
        return ((Number) counter.get("seq")).longValue();
    }
}
