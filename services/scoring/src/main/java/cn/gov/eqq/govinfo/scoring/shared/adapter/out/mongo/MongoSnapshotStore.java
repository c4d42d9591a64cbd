package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * {@code ranking_snapshots}: one document per (period, group) key with the last snapshot version, a dirty mark with
 * a generation counter, the {@code outbox} the platform relay publishes from, and {@code latest}, the last snapshot
 * stored (the encoded event), from which ranking reads are answered while the key is clean.
 */
@Repository
class MongoSnapshotStore implements SnapshotStore {

    static final String COLLECTION = "ranking_snapshots";

    private final MongoTemplate mongo;

    MongoSnapshotStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void markDirty(Key key, Instant now) {
        markDirty(List.of(key), now);
    }

    /**
     * One unordered bulk of single-document upserts: every event marks a month, its quarter and its year, and this
     * runs once per event, so one round trip instead of two per key. {@code $min} sets {@code firstMarkedAt} when
     * the key was clean (the field is absent) and keeps the first mark's time otherwise.
     */
    @Override
    public void markDirty(Collection<Key> keys, Instant now) {
        if (keys.isEmpty()) {
            return;
        }
        Date at = Date.from(now);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Key key : keys) {
            bulk.upsert(byId(key.id()), new Update().set("period", key.period().toString()).set("group", key.group())
                    .set("dirty", true).inc("generation", 1).set("lastMarkedAt", at).min("firstMarkedAt", at)
                    .setOnInsert("version", 0L));
        }
        bulk.execute();
    }

    @Override
    public void markAllDirty(Instant now) {
        mongo.updateMulti(new Query(), new Update().set("dirty", true).inc("generation", 1)
                .set("lastMarkedAt", Date.from(now)).set("firstMarkedAt", Date.from(now)), COLLECTION);
    }

    @Override
    public List<Dirty> dirty() {
        return mongo.find(Query.query(Criteria.where("dirty").is(true)), Document.class, COLLECTION).stream()
                .map(d -> new Dirty(new Key(ReportingPeriod.parse(d.getString("period")), d.getInteger("group")),
                        number(d.get("version")), number(d.get("generation")),
                        d.getDate("lastMarkedAt").toInstant(),
                        d.getDate("firstMarkedAt") == null ? null : d.getDate("firstMarkedAt").toInstant()))
                .toList();
    }

    @Override
    public boolean published(Dirty dirty, OutboxEntry entry) {
        Document outboxEntry = new Document("eventId", entry.eventId()).append("topic", entry.topic())
                .append("key", entry.key()).append("json", entry.json())
                .append("createdAt", Date.from(entry.createdAt()));
        UpdateResult stored = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(dirty.key().id()).and("version").is(dirty.version())),
                new Update().set("version", dirty.version() + 1).push("outbox", outboxEntry)
                        .set("latest", entry.json()).set("lastPublishedAt", Date.from(entry.createdAt())),
                COLLECTION);
        if (stored.getMatchedCount() == 0) {
            return false;
        }
        // cleared only if nobody marked the key since it was read; otherwise it is published again next time
        mongo.updateFirst(Query.query(Criteria.where("_id").is(dirty.key().id())
                        .and("generation").is(dirty.generation())),
                new Update().set("dirty", false).unset("firstMarkedAt"), COLLECTION);
        return true;
    }

    @Override
    public long versionOf(Key key) {
        Document d = mongo.findById(key.id(), Document.class, COLLECTION);
        return d == null ? 0 : number(d.get("version"));
    }

    @Override
    public Optional<Kept> kept(Key key) {
        Query query = byId(key.id());
        query.fields().include("version", "dirty", "latest");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        if (d == null || d.getString("latest") == null) {
            return Optional.empty();
        }
        return Optional.of(new Kept(number(d.get("version")), Boolean.TRUE.equals(d.getBoolean("dirty")),
                d.getString("latest")));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
