package cn.gov.eqq.govinfo.platform.audit;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The head of a service's audit chain: one document ({@code audit_chain}, {@code _id: "audit_log"}) with the sequence
 * number and hash of the last line and the line itself. Appending moves the head by compare-and-set on its sequence
 * number — a single-document conditional update, atomic in MongoDB — so replicas writing at the same time each get
 * their own place in one chain; the loser reads the new head and tries again. The line is then inserted into
 * {@code audit_log}; because the head carries it, a process that dies in between leaves nothing missing: the next
 * append (or a verification) inserts it from the head.
 * <p>
 * This is the only code of the audit package that updates a document, and only this one
 * ({@code AuditLogIsAppendOnlyTest}).
 */
final class AuditChainHead {

    static final String COLLECTION = "audit_chain";
    static final String ID = "audit_log";

    record Head(long seq, String hash, Document line) {
    }

    private final MongoTemplate mongo;

    AuditChainHead(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The current head, or null before the first chained line. */
    Head read() {
        Document d = mongo.findById(ID, Document.class, COLLECTION);
        return d == null ? null
                : new Head(((Number) d.get("seq")).longValue(), d.getString("hash"), d.get("line", Document.class));
    }

    /** Moves the head from {@code expected} to line {@code seq}; false when another writer moved it first. */
    boolean advance(Head expected, long seq, String hash, Document line) {
        if (expected == null) {
            try {
                mongo.insert(new Document("_id", ID).append("seq", seq).append("hash", hash).append("line", line),
                        COLLECTION);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("seq").is(expected.seq())),
                        new Update().set("seq", seq).set("hash", hash).set("line", line), COLLECTION)
                .getModifiedCount() == 1;
    }
}
