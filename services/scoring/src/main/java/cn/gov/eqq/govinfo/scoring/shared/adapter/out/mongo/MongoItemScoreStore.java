package cn.gov.eqq.govinfo.scoring.shared.adapter.out.mongo;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;

import cn.gov.eqq.govinfo.platform.outbox.OutboxEntryDocuments;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@Repository
class MongoItemScoreStore implements ItemScoreStore {

    static final String COLLECTION = "item_scores";
    /** The replay counter kept before generations existed (docs/adr/0021): read once, to number after it. */
    static final String GENERATIONS = "item_score_generation";
    private static final String GENERATION_ID = "replay";
    private static final String OUTBOX = "outbox";
    /** How a dot in a map key (an adoption record id) is stored. */
    static final String DOT_IN_KEY = "\uFF0E";
    /**
     * Documents per reply of the reads that can match a group's whole year. MongoDB splits a large find into 16 MB
     * batches by itself; the devstack's wire server answers in one reply unless a batch size is asked for, and a
     * province-year's ranking read came back as one 160 MB reply, over the driver's 48 MB limit (docs/performance.md).
     */
    static final int READ_BATCH = 1000;
    private static final int DUPLICATE_KEY = 11000;
    static final int IN_BATCH = 500;

    private final MongoTemplate mongo;

    private final MongoGenerations generations;
    /** null: the live generation, as the pointer says; else this generation. */
    private final Long fixed;

    @Autowired
    MongoItemScoreStore(MongoTemplate mongo, MongoGenerations generations) {
        this(mongo, generations, null);
        if (mongo.getConverter() instanceof MappingMongoConverter converter) {
            // the facts keep adoption records by record id, and the records of a combined adoption are named
            // <id>.1, <id>.2, …: a dot may not be part of a stored key, so it is stored as a full-width dot and read
            // back as a dot
            converter.setMapKeyDotReplacement(DOT_IN_KEY);
        }
        createIndexes(mongo, COLLECTION);
    }

    private MongoItemScoreStore(MongoTemplate mongo, MongoGenerations generations, Long fixed) {
        this.mongo = mongo;
        this.generations = generations;
        this.fixed = fixed;
    }

    @Override
    public ItemScoreStore inGeneration(long generation) {
        return new MongoItemScoreStore(mongo, generations, generation);
    }

    private long generation() {
        return fixed != null ? fixed : generations.current().live();
    }

    /** The collection of this store's generation: the live one is looked up at each call (cached for a second). */
    private String collection() {
        return MongoGenerations.items(generation());
    }

    static void createIndexes(MongoTemplate mongo, String collection) {
        mongo.indexOps(collection).createIndex(new Index().on("unitId", Sort.Direction.ASC)
                .on("months", Sort.Direction.ASC).named("unit_months"));
        mongo.indexOps(collection).createIndex(new Index().on("months", Sort.Direction.ASC).named("months"));
    }

    static long legacyReplayCounter(MongoTemplate mongo) {
        Document doc = mongo.findById(GENERATION_ID, Document.class, GENERATIONS);
        return doc == null ? 0 : ((Number) doc.get("generation")).longValue();
    }

    @Override
    public Optional<StoredItem> find(String itemId) {
        ItemScoreDocument doc = mongo.findById(itemId, ItemScoreDocument.class, collection());
        return Optional.ofNullable(doc).map(ItemScoreDocument::stored);
    }

    @Override
    public Map<String, StoredItem> findAll(Collection<String> itemIds) {
        Map<String, StoredItem> out = new HashMap<>();
        String collection = collection();
        for (List<String> ids : inBatches(itemIds)) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), ItemScoreDocument.class, collection)
                    .forEach(d -> out.put(d.id(), d.stored()));
        }
        return out;
    }

    /**
     * Ids for {@code _id $in} reads, {@link #IN_BATCH} at a time: the wire server matches every document found
     * against the whole list, so one read of 8,000 ids took 8.3 s and 16 reads of 500 about 1.1 s (probe on
     * 2026-12-07, 30,000 documents, load 23); a replay's chunk names thousands of items. MongoDB does not mind.
     */
    static List<List<String>> inBatches(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> out = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_BATCH) {
            out.add(all.subList(from, Math.min(all.size(), from + IN_BATCH)));
        }
        return out;
    }

    @Override
    public boolean saveAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return true;
        }
        // unordered: one insert command and one update command with many statements, whatever the mix
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection());
        for (Write w : writes) {
            if (w.expectedVersion() < 0) {
                bulk.insert(inserted(w.facts(), w.entries(), w.publication()));
            } else {
                bulk.updateOne(sameVersion(w.facts().itemId(), w.expectedVersion()),
                        update(w.facts(), w.entries(), w.expectedVersion(), w.publication()));
            }
        }
        try {
            BulkWriteResult result = bulk.execute();
            return result.getInsertedCount() + result.getMatchedCount() == writes.size();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().allMatch(err -> err.getCode() == DUPLICATE_KEY)) {
                return false; // an item inserted by somebody else meanwhile
            }
            throw e;
        }
    }

    /**
     * One unordered {@code insertMany} (the driver splits it at its message limit): a rebuild writes each item once,
     * in documents as {@link #save} inserts them. A duplicate key is an item somebody else stored first.
     */
    @Override
    public Set<String> insertAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        List<Document> docs = new ArrayList<>(writes.size());
        writes.forEach(w -> docs.add(inserted(w.facts(), w.entries(), w.publication())));
        try {
            mongo.getCollection(collection()).insertMany(docs, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<String> present = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                present.add(writes.get(error.getIndex()).facts().itemId());
            }
            return present;
        }
    }

    @Override
    public boolean save(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion, Publication publication) {
        if (expectedVersion < 0) {
            try {
                mongo.insert(inserted(facts, entries, publication), collection());
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        // one conditional single-document update: facts, entries, applied event ids and the event that publishes
        // the new score change together
        return mongo.updateFirst(sameVersion(facts.itemId(), expectedVersion),
                update(facts, entries, expectedVersion, publication), collection()).getMatchedCount() == 1;
    }

    /** The document's fields as the mapping writes them (without its id). */
    private Document fields(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion, Publication p) {
        List<String> months = entries.stream().map(e -> e.month().toString()).distinct().sorted().toList();
        Document doc = new Document();
        mongo.getConverter().write(new ItemScoreDocument(facts.itemId(), facts.unitId(), facts, entries, months,
                expectedVersion + 1, p == null ? null : p.scoreVersion(), p == null ? null : p.digest()), doc);
        if (p == null) {
            doc.remove("scoreVersion");
            doc.remove("scoreDigest");
        }
        return doc;
    }

    private Document inserted(ItemFacts facts, List<LedgerEntry> entries, Publication publication) {
        Document doc = fields(facts, entries, -1, publication);
        if (publication != null && publication.entry() != null) {
            doc.append(OUTBOX, List.of(OutboxEntryDocuments.toDocument(publication.entry())));
        }
        return doc;
    }

    /**
     * Sets every field and appends the new event to the outbox: entries not yet published stay (a replace would
     * drop them).
     */
    private Update update(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion, Publication publication) {
        Document doc = fields(facts, entries, expectedVersion, publication);
        doc.remove("_id");
        Update update = new Update();
        doc.forEach(update::set);
        if (publication != null && publication.entry() != null) {
            update.push(OUTBOX, OutboxEntryDocuments.toDocument(publication.entry()));
        }
        return update;
    }

    private static Query sameVersion(String itemId, long version) {
        return Query.query(Criteria.where("_id").is(itemId).and("version").is(version));
    }

    @Override
    public List<LedgerEntry> entriesOf(Collection<String> unitIds, Collection<ReportingPeriod> months) {
        Set<ReportingPeriod> wanted = Set.copyOf(months);
        Set<String> units = Set.copyOf(unitIds); // a group's 1,800 units: a list's contains() per entry showed up
        Query q = Query.query(Criteria.where("unitId").in(unitIds).and("months").in(names(months)));
        // only the entries: the facts (with every applied event id) are most of an item's document, and a year's
        // ranking reads every item of the group (profiled: docs/performance.md)
        q.fields().include("entries");
        q.cursorBatchSize(READ_BATCH);
        return mongo.find(q, EntriesOnly.class, collection()).stream()
                .flatMap(d -> d.entries().stream())
                .filter(e -> units.contains(e.unitId()) && wanted.contains(e.month()))
                .toList();
    }

    @Override
    public List<ItemFacts> factsTouching(Collection<ReportingPeriod> months) {
        Query q = Query.query(Criteria.where("months").in(names(months))).cursorBatchSize(READ_BATCH);
        return mongo.find(q, ItemScoreDocument.class, collection()).stream().map(ItemScoreDocument::facts).toList();
    }

    @Override
    public Map<String, Set<ReportingPeriod>> monthsOfUnits(Collection<String> unitIds) {
        Query q = Query.query(Criteria.where("unitId").in(unitIds));
        q.fields().include("unitId").include("months");
        q.cursorBatchSize(READ_BATCH);
        Map<String, Set<ReportingPeriod>> out = new HashMap<>();
        mongo.find(q, UnitMonths.class, collection()).forEach(d -> d.months()
                .forEach(m -> out.computeIfAbsent(d.unitId(), u -> new TreeSet<>()).add(ReportingPeriod.parse(m))));
        return out;
    }

    @Override
    public List<StoredItem> page(String afterId, int limit) {
        Query q = (afterId == null ? new Query() : Query.query(Criteria.where("_id").gt(afterId)))
                .with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit);
        return mongo.find(q, ItemScoreDocument.class, collection()).stream()
                .map(ItemScoreDocument::stored).toList();
    }

    @Override
    public List<StoredItem> neverPublished(String afterId, int limit) {
        Criteria unpublished = Criteria.where("scoreVersion").exists(false);
        Query q = Query.query(afterId == null ? unpublished : unpublished.and("_id").gt(afterId))
                .with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit);
        return mongo.find(q, ItemScoreDocument.class, collection()).stream().map(ItemScoreDocument::stored).toList();
    }

    @Override
    public long replayGeneration() {
        long generation = generation();
        return generations.current().scoreBase(generation);
    }

    @Override
    public long count() {
        return mongo.getCollection(collection()).countDocuments();
    }

    /** Projections of {@link ItemScoreDocument} for the queries that need one field. */
    record EntriesOnly(String id, List<LedgerEntry> entries) {
    }

    record UnitMonths(String id, String unitId, List<String> months) {
    }

    private static List<String> names(Collection<ReportingPeriod> months) {
        return months.stream().map(ReportingPeriod::toString).toList();
    }
}
