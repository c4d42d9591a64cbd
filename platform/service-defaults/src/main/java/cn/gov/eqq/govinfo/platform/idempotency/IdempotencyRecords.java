package cn.gov.eqq.govinfo.platform.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * The service's {@code idempotency_keys} collection, shared by all its replicas: one document per (user, key), whose
 * {@code _id} makes the pair unique, so two replicas racing on the same retry cannot both claim it. A TTL index on
 * {@code expiresAt} lets MongoDB drop answers after the retention (docs/adr/0007).
 */
public class IdempotencyRecords {

    static final String COLLECTION = "idempotency_keys";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    private final MongoTemplate mongo;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotencyRecords(MongoTemplate mongo, IdempotencyProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a request with a key finds. */
    sealed interface Claim {
    }

    /** The key is this request's: run it, then {@link #complete} or {@link #release}. */
    record Claimed() implements Claim {
    }

    /** The first request with this key is still running on some replica. */
    record Running(String fingerprint) implements Claim {
    }

    /** The first request with this key finished; its answer. */
    record Done(String fingerprint, int status, String contentType, String location, byte[] body) implements Claim {
    }

    Claim claim(String subject, String key, String fingerprint) {
        Instant now = clock.instant();
        Document record = new Document("_id", id(subject, key))
                .append("subject", subject)
                .append("key", key)
                .append("fingerprint", fingerprint)
                .append("state", IN_PROGRESS)
                .append("createdAt", Date.from(now))
                .append("lockedUntil", Date.from(now.plus(properties.inProgressTimeout())))
                .append("expiresAt", Date.from(now.plus(properties.retention())));
        try {
            collection().insertOne(record);
            return new Claimed();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = collection().find(Filters.eq("_id", id(subject, key))).first();
        if (existing == null) {
            // expired or released between the insert and the read: try once more
            return claim(subject, key, fingerprint);
        }
        String state = existing.getString("state");
        if (COMPLETED.equals(state)) {
            Binary body = existing.get("body", Binary.class);
            return new Done(existing.getString("fingerprint"), existing.getInteger("status"),
                    existing.getString("contentType"), existing.getString("location"),
                    body == null ? new byte[0] : body.getData());
        }
        Date lockedUntil = existing.getDate("lockedUntil");
        if (lockedUntil != null && lockedUntil.toInstant().isBefore(now)
                && existing.getString("fingerprint").equals(fingerprint)) {
            // its replica died mid-request: take the key over, exactly one retry wins
            Document taken = collection().findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id(subject, key)), Filters.eq("state", IN_PROGRESS),
                            Filters.eq("lockedUntil", lockedUntil)),
                    Updates.set("lockedUntil", Date.from(now.plus(properties.inProgressTimeout()))));
            if (taken != null) {
                return new Claimed();
            }
        }
        return new Running(existing.getString("fingerprint"));
    }

    void complete(String subject, String key, int status, String contentType, String location, byte[] body) {
        Instant now = clock.instant();
        collection().updateOne(Filters.eq("_id", id(subject, key)), Updates.combine(
                Updates.set("state", COMPLETED),
                Updates.set("status", status),
                Updates.set("contentType", contentType),
                Updates.set("location", location),
                Updates.set("body", new Binary(body)),
                Updates.set("completedAt", Date.from(now)),
                Updates.set("expiresAt", Date.from(now.plus(properties.retention()))),
                Updates.unset("lockedUntil")));
    }

    /** The request did not create anything (refused or failed): a retry with the key runs again. */
    void release(String subject, String key) {
        collection().deleteOne(Filters.and(Filters.eq("_id", id(subject, key)), Filters.eq("state", IN_PROGRESS)));
    }

    /**
     * The TTL index, and a unique index on (user, key). The {@code _id} already makes the pair unique from the first
     * request on, before any index exists; the named index states it for whoever reads the collection.
     */
    public void ensureIndexes() {
        collection().createIndex(Indexes.ascending("subject", "key"),
                new IndexOptions().name("subject_key_unique").unique(true));
        collection().createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
    }

    private static String id(String subject, String key) {
        return subject + " " + key;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
