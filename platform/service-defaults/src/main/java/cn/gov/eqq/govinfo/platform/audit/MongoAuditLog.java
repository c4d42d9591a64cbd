package cn.gov.eqq.govinfo.platform.audit;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The audit log in the service's own database, collection {@code audit_log}. Only {@code insert} and {@code find}
 * are used on it: no update, upsert, save or delete exists here, so the code cannot rewrite history (the database user
 * can be restricted the same way, see docs/audit.md). Each line carries {@code chain: {seq, prev, hash}}, its place in
 * the SM3 hash chain ({@link AuditChain}); the chain head ({@link AuditChainHead}, collection {@code audit_chain}) is
 * moved by compare-and-set, so several replicas append to one chain.
 */
public class MongoAuditLog implements AuditLog {

    public static final String COLLECTION = "audit_log";
    /** Writers racing for the head; each lost round means another line was appended meanwhile. */
    private static final int MAX_ATTEMPTS = 1000;

    private final MongoTemplate mongo;
    private final AuditChainHead heads;

    public MongoAuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
        this.heads = new AuditChainHead(mongo);
    }

    /** Indexes for the read API (time range, actor); creating an index changes no record. */
    public void ensureIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("actor.username", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("chain.seq", Sort.Direction.ASC));
    }

    /**
     * Takes the next place in the chain by moving the head (compare-and-set), then inserts the line. The id and the
     * millisecond time are fixed first: they are part of what the hash covers.
     */
    @Override
    public void append(AuditRecord record) {
        AuditRecord line = new AuditRecord(record.id() != null ? record.id() : new ObjectId().toHexString(),
                record.at().truncatedTo(ChronoUnit.MILLIS), record.service(), record.actor(), record.origin(),
                record.action());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            AuditChainHead.Head head = heads.read();
            if (head != null) {
                materialise(head.line());
            }
            long seq = head == null ? 1 : head.seq() + 1;
            String prev = head == null ? AuditChain.GENESIS : head.hash();
            String hash = AuditChain.hash(seq, prev, line);
            Document document = toDocument(line)
                    .append("chain", new Document("seq", seq).append("prev", prev).append("hash", hash));
            if (heads.advance(head, seq, hash, document)) {
                materialise(document);
                return;
            }
        }
        throw new IllegalStateException("审计日志链头争用过多，本条记录未写入");
    }

    /** The line of the head into {@code audit_log}, unless a writer (or an earlier call) put it there already. */
    private void materialise(Document line) {
        if (line == null || mongo.exists(new org.springframework.data.mongodb.core.query.Query(
                Criteria.where("_id").is(line.get("_id"))), COLLECTION)) {
            return;
        }
        try {
            mongo.insert(line, COLLECTION);
        } catch (DuplicateKeyException e) {
            // another replica inserted it between the check and the insert: it is there, which is all we want
        }
    }

    @Override
    public Verification verify() {
        AuditChainHead.Head head = heads.read();
        if (head != null) {
            materialise(head.line());
        }
        long headSeq = head == null ? 0 : head.seq();
        long unchained = mongo.count(new org.springframework.data.mongodb.core.query.Query(
                Criteria.where("chain").exists(false)), COLLECTION);
        var inOrder = new org.springframework.data.mongodb.core.query.Query(Criteria.where("chain").exists(true))
                .with(Sort.by(Sort.Order.asc("chain.seq")));
        long expected = 1;
        String prev = AuditChain.GENESIS;
        try (Stream<Document> lines = mongo.stream(inOrder, Document.class, COLLECTION)) {
            Iterator<Document> it = lines.iterator();
            while (it.hasNext()) {
                Document d = it.next();
                String id = String.valueOf(d.get("_id"));
                Document chain = d.get("chain", Document.class);
                Object seqValue = chain.get("seq");
                long seq = seqValue instanceof Number n ? n.longValue() : -1;
                long checked = expected - 1;
                if (seq < expected) {
                    return Verification.broken(checked, headSeq, unchained, expected, id,
                            "第 " + expected + " 行的位置上出现了序号为 " + seq + " 的记录（记录被复制或调换了顺序）");
                }
                if (seq > expected) {
                    return Verification.broken(checked, headSeq, unchained, expected, null,
                            "第 " + expected + " 行缺失（已被删除），其后一行是第 " + seq + " 行（" + id + "）");
                }
                if (!prev.equals(chain.getString("prev"))) {
                    return Verification.broken(checked, headSeq, unchained, seq, id,
                            "第 " + seq + " 行记录的前一行哈希与第 " + (seq - 1) + " 行不符（其前的记录被删除、改动或调换了顺序）");
                }
                String recomputed;
                try {
                    recomputed = AuditChain.hash(seq, prev, fromDocument(d));
                } catch (RuntimeException e) {
                    recomputed = null;
                }
                if (!chain.getString("hash").equals(recomputed)) {
                    return Verification.broken(checked, headSeq, unchained, seq, id,
                            "第 " + seq + " 行的内容被改动（哈希不符）");
                }
                prev = chain.getString("hash");
                expected++;
            }
        }
        long checked = expected - 1;
        if (checked < headSeq) {
            return Verification.broken(checked, headSeq, unchained, expected, null,
                    "第 " + expected + " 行至第 " + headSeq + " 行缺失（链头记录的最后一行是第 " + headSeq + " 行）");
        }
        if (head != null && !head.hash().equals(prev) || head == null && checked > 0) {
            return Verification.broken(checked, headSeq, unchained, checked, null,
                    "链头与最后一行（第 " + checked + " 行）不符（链头被改动或删除）");
        }
        return Verification.intact(checked, headSeq, unchained);
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
        Object id = r.id() == null ? new ObjectId() : ObjectId.isValid(r.id()) ? new ObjectId(r.id()) : r.id();
        return new Document("_id", id)
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
