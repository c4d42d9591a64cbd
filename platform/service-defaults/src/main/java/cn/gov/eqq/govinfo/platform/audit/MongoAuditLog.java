package cn.gov.eqq.govinfo.platform.audit;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit log in the service's own database, collection {@code audit_log}. Only {@code insert} and {@code find}
 * are used: no update, upsert, save or delete exists here, so the code cannot rewrite history (the database user can
 * be restricted the same way, see docs/audit.md).
 */
public class MongoAuditLog implements AuditLog {

    public static final String COLLECTION = "audit_log";

    private final MongoTemplate mongo;

    public MongoAuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Indexes for the read API (time range, actor); creating an index changes no record. */
    public void ensureIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("actor.username", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC));
    }

    @Override
    public void append(AuditRecord record) {
        mongo.insert(toDocument(record), COLLECTION);
    }

    @Override
    public Page search(Query query) {
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (query.from() != null) {
            all.add(Criteria.where("at").gte(Date.from(query.from())));
        }
        if (query.to() != null) {
            all.add(Criteria.where("at").lt(Date.from(query.to())));
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            all.add(new Criteria().orOperator(Criteria.where("actor.username").is(query.actor()),
                    Criteria.where("actor.subject").is(query.actor())));
        }
        if (!all.isEmpty()) {
            criteria = new Criteria().andOperator(all.toArray(Criteria[]::new));
        }
        long total = mongo.count(new org.springframework.data.mongodb.core.query.Query(criteria), COLLECTION);
        var page = new org.springframework.data.mongodb.core.query.Query(criteria)
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                .skip((long) query.page() * query.size()).limit(query.size());
        List<AuditRecord> entries = mongo.find(page, Document.class, COLLECTION).stream()
                .map(MongoAuditLog::fromDocument).toList();
        return new Page(entries, query.page(), query.size(), total);
    }

    static Document toDocument(AuditRecord r) {
        Document actor = new Document("subject", r.actor().subject()).append("username", r.actor().username())
                .append("unitId", r.actor().unitId()).append("roles", new ArrayList<>(r.actor().roles()));
        Document origin = new Document("clientAddress", r.origin().clientAddress())
                .append("forwardedFor", r.origin().forwardedFor()).append("peerAddress", r.origin().peerAddress())
                .append("userAgent", r.origin().userAgent()).append("requestId", r.origin().requestId())
                .append("traceId", r.origin().traceId());
        Document action = new Document("method", r.action().method()).append("path", r.action().path())
                .append("pattern", r.action().pattern()).append("resourceIds", new Document(r.action().resourceIds()))
                .append("location", r.action().location()).append("status", r.action().status())
                .append("outcome", r.action().outcome().name());
        // an ObjectId grows with time and, within a process, with every insert: the tie-break of equal times
        return new Document("_id", r.id() != null ? r.id() : new ObjectId())
                .append("at", Date.from(r.at())).append("service", r.service())
                .append("actor", actor).append("origin", origin).append("action", action);
    }

    static AuditRecord fromDocument(Document d) {
        Document actor = d.get("actor", Document.class);
        Document origin = d.get("origin", Document.class);
        Document action = d.get("action", Document.class);
        Set<String> roles = new HashSet<>(actor.getList("roles", String.class, List.of()));
        Map<String, String> ids = new LinkedHashMap<>();
        Document resourceIds = action.get("resourceIds", Document.class);
        if (resourceIds != null) {
            resourceIds.forEach((k, v) -> ids.put(k, String.valueOf(v)));
        }
        return new AuditRecord(String.valueOf(d.get("_id")), d.getDate("at").toInstant(), d.getString("service"),
                new AuditRecord.Actor(actor.getString("subject"), actor.getString("username"),
                        actor.getString("unitId"), roles),
                new AuditRecord.Origin(origin.getString("clientAddress"), origin.getString("forwardedFor"),
                        origin.getString("peerAddress"), origin.getString("userAgent"), origin.getString("requestId"),
                        origin.getString("traceId")),
                new AuditRecord.Action(action.getString("method"), action.getString("path"),
                        action.getString("pattern"), ids, action.getString("location"),
                        action.getInteger("status", 0), AuditRecord.Outcome.valueOf(action.getString("outcome"))));
    }
}
