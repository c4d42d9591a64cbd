package cn.gov.eqq.govinfo.intake.item.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.intake.item.application.AuditEntry;
import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.item.domain.ComparableText;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.item.domain.SimilarItem;
import cn.gov.eqq.govinfo.intake.shared.adapter.out.mongo.OutboxDocuments;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * Collection {@code items}: the aggregate under {@code item}, a few copied fields to filter and sort on, the
 * optimistic-lock {@code version}, the {@code outbox} and the append-only {@code audit} trail. Every change is one
 * conditional single-document update: state, events and audit lines succeed or fail together.
 */
@Component
class MongoItemStore implements ItemStore {

    static final String COLLECTION = "items";
    /** Documents per cursor batch of the near-duplicate stream: bounds what one check holds at a time. */
    static final int TEXT_BATCH = 256;

    private final MongoTemplate mongo;
    private final EventCodec codec;

    MongoItemStore(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("unitId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("submittedAt", Sort.Direction.DESC));
    }

    @Override
    public void insert(Item item, List<EventEnvelope<?>> events, List<AuditEntry> audit, List<SimilarItem> similar) {
        Document d = new Document("_id", item.id()).append("version", 0L)
                .append("outbox", new ArrayList<>(OutboxDocuments.of(events, codec)))
                .append("audit", new ArrayList<>(audit.stream().map(this::toBson).toList()));
        if (!similar.isEmpty()) {
            d.append("similar", similarDocuments(similar));
        }
        copyFields(item).forEach(d::append);
        mongo.insert(d, COLLECTION);
    }

    @Override
    public Insertion insertImported(List<ImportedItem> items, String batchId) {
        List<String> ids = items.stream().map(i -> i.item().id()).toList();
        Query present = new Query(Criteria.where("_id").in(ids));
        present.fields().include("_id").include("importBatch");
        Map<String, String> there = new HashMap<>();
        mongo.find(present, Document.class, COLLECTION)
                .forEach(d -> there.put(d.getString("_id"), String.valueOf(d.getString("importBatch"))));
        List<Document> missing = new ArrayList<>();
        for (ImportedItem i : items) {
            if (!there.containsKey(i.item().id())) {
                Document d = new Document("_id", i.item().id()).append("version", 0L)
                        .append("outbox", new ArrayList<>(OutboxDocuments.of(i.events(), codec)))
                        // published after the live items and paced, not all at once (OutboxRelay)
                        .append(OutboxRelay.BULK, true)
                        .append("audit", new ArrayList<>(i.audit().stream().map(this::toBson).toList()))
                        .append("imported", true).append("importBatch", batchId);
                copyFields(i.item()).forEach(d::append);
                missing.add(d);
            }
        }
        int added = (int) there.values().stream().filter(batchId::equals).count();
        int alreadyPresent = there.size() - added;
        try {
            mongo.insert(missing, COLLECTION);
            added += missing.size();
        } catch (DuplicateKeyException | BulkOperationException raced) {
            // another import inserted some of them a moment ago: one by one, each counted as it turned out
            for (Document d : missing) {
                try {
                    mongo.insert(d, COLLECTION);
                    added++;
                } catch (DuplicateKeyException e) {
                    Query owner = new Query(Criteria.where("_id").is(d.getString("_id")));
                    owner.fields().include("importBatch");
                    Document found = mongo.findOne(owner, Document.class, COLLECTION);
                    if (found != null && batchId.equals(found.getString("importBatch"))) {
                        added++;
                    } else {
                        alreadyPresent++;
                    }
                }
            }
        }
        return new Insertion(added, alreadyPresent);
    }

    @Override
    public Optional<StoredItem> find(String itemId) {
        Document d = mongo.findById(itemId, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(this::toStored);
    }

    @Override
    public boolean update(Item next, long expectedVersion, List<EventEnvelope<?>> events, List<AuditEntry> audit,
                          List<SimilarItem> similar) {
        Update u = new Update().inc("version", 1);
        if (similar != null) {
            u.set("similar", similarDocuments(similar));
        }
        copyFields(next).forEach(u::set);
        if (!events.isEmpty()) {
            u.push("outbox").each(OutboxDocuments.of(events, codec).toArray());
        }
        if (!audit.isEmpty()) {
            u.push("audit").each(audit.stream().map(this::toBson).toArray());
        }
        Query q = new Query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion));
        return mongo.updateFirst(q, u, COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public Page search(ItemStore.Search query) {
        List<Criteria> all = new ArrayList<>();
        if (query.unitIds() != null) {
            all.add(Criteria.where("unitId").in(query.unitIds()));
        }
        if (query.statuses() != null) {
            all.add(Criteria.where("status").in(query.statuses().stream().map(Enum::name).toList()));
        }
        if (query.category() != null) {
            all.add(Criteria.where("category").is(query.category().name()));
        }
        if (query.topic() != null) {
            all.add(Criteria.where("topics").is(query.topic().name()));
        }
        if (query.submittedFrom() != null) {
            all.add(Criteria.where("submittedAt").gte(Date.from(query.submittedFrom())));
        }
        if (query.submittedTo() != null) {
            all.add(Criteria.where("submittedAt").lt(Date.from(query.submittedTo())));
        }
        if (query.text() != null && !query.text().isBlank()) {
            // the wire server has no $text; a quoted regex is exact enough for the room's search box
            String pattern = Pattern.quote(query.text().strip());
            all.add(new Criteria().orOperator(Criteria.where("title").regex(pattern),
                    Criteria.where("body").regex(pattern)));
        }
        Query q = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        long total = mongo.count(q, COLLECTION);
        String field = switch (query.sort() == null ? SortField.SUBMITTED_AT : query.sort()) {
            case SUBMITTED_AT -> "submittedAt";
            case CREATED_AT -> "createdAt";
            case UPDATED_AT -> "updatedAt";
            case TITLE -> "title";
            case UNIT -> "unitId";
        };
        q.with(Sort.by(query.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC, field).and(Sort.by("_id")));
        q.skip((long) query.page() * query.size()).limit(query.size());
        List<StoredItem> items = mongo.find(q, Document.class, COLLECTION).stream().map(this::toStored).toList();
        return new Page(items, total, query.page(), query.size());
    }

    @Override
    public Map<String, Long> receivedCountsByUnit(Instant from, Instant to) {
        Query q = new Query(Criteria.where("status").is("RECEIVED").and("countedAt").gte(Date.from(from)).lt(Date.from(to)));
        q.fields().include("unitId");
        return mongo.find(q, Document.class, COLLECTION).stream()
                .collect(Collectors.groupingBy(d -> d.getString("unitId"), Collectors.counting()));
    }

    @Override
    public List<AuditLine> auditBetween(Instant from, Instant to, int limit) {
        Query q = new Query(Criteria.where("audit").elemMatch(Criteria.where("at").gte(Date.from(from)).lt(Date.from(to))));
        q.fields().include("unitId").include("audit");
        return mongo.find(q, Document.class, COLLECTION).stream()
                .flatMap(d -> d.getList("audit", Document.class, List.of()).stream()
                        .map(a -> new AuditLine(d.getString("_id"), d.getString("unitId"), fromBson(a))))
                .filter(l -> !l.entry().at().isBefore(from) && l.entry().at().isBefore(to))
                .sorted(java.util.Comparator.comparing((AuditLine l) -> l.entry().at()).thenComparing(AuditLine::itemId))
                .limit(limit)
                .toList();
    }

    @Override
    public List<UnitTrailLine> unitTrailSince(String unitId, Instant since) {
        Query q = new Query(Criteria.where("unitId").is(unitId).and("status").ne(ItemStatus.DELETED.name())
                .and("audit").elemMatch(Criteria.where("at").gte(Date.from(since))));
        q.fields().include("title", "status", "audit");
        return mongo.find(q, Document.class, COLLECTION).stream()
                .flatMap(d -> d.getList("audit", Document.class, List.of()).stream()
                        .map(this::fromBson)
                        .filter(a -> !a.at().isBefore(since))
                        .map(a -> new UnitTrailLine(d.getString("_id"), d.getString("title"),
                                ItemStatus.valueOf(d.getString("status")), a)))
                .toList();
    }

    @Override
    public List<AuditEntry> audit(String itemId) {
        Document d = mongo.findById(itemId, Document.class, COLLECTION);
        if (d == null) {
            return List.of();
        }
        return d.getList("audit", Document.class, List.of()).stream().map(this::fromBson).toList();
    }

    @Override
    public void forEachSubmittedTextSince(Instant since, Consumer<ComparableText> each) {
        Query q = new Query(Criteria.where("submittedAt").gte(Date.from(since))
                .and("status").in(List.of("SUBMITTED", "RECEIVED", "RETURNED")));
        // the copied top-level fields are the draft's title and body; the aggregate, outbox and audit stay on the server
        q.fields().include("unitId", "title", "body", "status");
        q.cursorBatchSize(TEXT_BATCH);
        try (Stream<Document> texts = mongo.stream(q, Document.class, COLLECTION)) {
            texts.forEach(d -> each.accept(new ComparableText(d.getString("_id"), d.getString("unitId"),
                    d.getString("title"), d.getString("body"), ItemStatus.valueOf(d.getString("status")))));
        }
    }

    private Document copyFields(Item item) {
        Document d = new Document("unitId", item.unitId()).append("status", item.status().name())
                // the room's filters follow its corrections
                .append("category", item.classification().category() == null ? null
                        : item.classification().category().name())
                .append("topics", item.classification().topics().stream().map(FocusTopic::name).toList())
                .append("title", item.draft().title()).append("body", item.draft().body())
                .append("submittedAt", item.lastSubmittedAt() == null ? null : Date.from(item.lastSubmittedAt()))
                // the instant a received item counts at (submission of the received revision); null otherwise
                .append("countedAt", item.status() == ItemStatus.RECEIVED
                        ? item.receivedRevision().map(r -> Date.from(r.submittedAt())).orElse(null) : null)
                .append("createdAt", Date.from(item.createdAt())).append("updatedAt", Date.from(item.updatedAt()))
                .append("item", mongo.getConverter().convertToMongoType(item));
        return d;
    }

    private static List<Document> similarDocuments(List<SimilarItem> similar) {
        return similar.stream().map(s -> new Document("itemId", s.itemId()).append("unitId", s.unitId())
                .append("title", s.title()).append("similarity", s.similarity())).toList();
    }

    private StoredItem toStored(Document d) {
        List<SimilarItem> similar = d.getList("similar", Document.class, List.of()).stream()
                .map(s -> new SimilarItem(s.getString("itemId"), s.getString("unitId"), s.getString("title"),
                        s.get("similarity", Number.class).doubleValue()))
                .toList();
        return new StoredItem(toItem(d), d.get("version", Number.class).longValue(), similar);
    }

    private Item toItem(Document d) {
        return mongo.getConverter().read(Item.class, d.get("item", Document.class));
    }

    private Document toBson(AuditEntry a) {
        return new Document("at", Date.from(a.at())).append("by", a.by()).append("byName", a.byName())
                .append("action", a.action()).append("revision", a.revision()).append("reason", a.reason())
                .append("origin", a.origin());
    }

    private AuditEntry fromBson(Document d) {
        return new AuditEntry(d.getDate("at").toInstant(), d.getString("by"), d.getString("byName"),
                d.getString("action"), d.getInteger("revision"), d.getString("reason"), d.getString("origin"));
    }

}
