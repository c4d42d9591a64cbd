package cn.gov.eqq.govinfo.adoption.record.adapter.out.mongo;

import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntryDocuments;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@Repository
class MongoItemAdoptionsStore implements ItemAdoptionsStore {

    static final String COLLECTION = "items";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoItemAdoptionsStore.class);

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final OutboxRelay relay;

    MongoItemAdoptionsStore(MongoTemplate mongo, EventCodec codec, OutboxRelay relay) {
        this.mongo = mongo;
        this.codec = codec;
        this.relay = relay;
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("unitId", Sort.Direction.ASC)
                    .on("hasRecords", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("openFollowUpDue", Sort.Direction.ASC));
        } catch (RuntimeException e) {
            // indexes only speed up the unit and overdue lists: start anyway, readiness reports the database
            log.warn("could not create indexes on {} now: {}", COLLECTION, e.toString());
        }
    }

    @Override
    public Optional<Loaded> load(String itemId) {
        ItemAdoptionsDocument doc = mongo.findById(itemId, ItemAdoptionsDocument.class);
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new Loaded(toDomain(doc), doc.version(),
                doc.appliedEventIds() == null ? List.of() : doc.appliedEventIds()));
    }

    @Override
    public void save(Loaded loaded, List<String> appliedEventIds, List<EventEnvelope<?>> events) {
        ItemAdoptions item = loaded.item();
        List<org.bson.Document> entries = OutboxEntryDocuments.toDocuments(
                events.stream().map(e -> OutboxEntry.of(e, Topics.ADOPTIONS, codec)).toList());
        List<AdoptionRecord> records = item.records();
        Instant lastRecordAt = records.stream().map(r -> r.latest().at()).max(Comparator.naturalOrder())
                .orElse(null);
        LocalDate openDue = item.earliestOpenFollowUpDue().orElse(null);
        if (loaded.isNew()) {
            try {
                mongo.insert(new ItemAdoptionsDocument(item.itemId(), 0, item.facts(), records,
                        item.facts().unitId(), item.facts().title(), !records.isEmpty(), lastRecordAt, openDue,
                        appliedEventIds, new ArrayList<>(entries), item.waitingImports()));
            } catch (DuplicateKeyException e) {
                throw new ConcurrentChange(item.itemId());
            }
        } else {
            Update update = new Update()
                    .set("facts", item.facts())
                    .set("records", records)
                    .set("unitId", item.facts().unitId())
                    .set("title", item.facts().title())
                    .set("hasRecords", !records.isEmpty())
                    .set("appliedEventIds", appliedEventIds)
                    .set("waitingImports", item.waitingImports())
                    .inc("version", 1);
            setOrUnset(update, "lastRecordAt", lastRecordAt);
            setOrUnset(update, "openFollowUpDue", openDue);
            if (!entries.isEmpty()) {
                // appended, never replaced: the relay may be removing published entries at this very moment
                update.push("outbox").each(entries.toArray());
            }
            var result = mongo.updateFirst(new Query(Criteria.where("_id").is(item.itemId())
                    .and("version").is(loaded.version())), update, ItemAdoptionsDocument.class);
            if (result.getMatchedCount() == 0) {
                throw new ConcurrentChange(item.itemId());
            }
        }
        if (!entries.isEmpty()) {
            relay.kick();
        }
    }

    @Override
    public List<ItemAdoptions> withRecordsOfUnit(String unitId) {
        return find(new Query(Criteria.where("unitId").is(unitId).and("hasRecords").is(true))
                .with(Sort.by(Sort.Direction.DESC, "lastRecordAt")));
    }

    @Override
    public List<ItemAdoptions> withRecords(int limit) {
        return find(new Query(Criteria.where("hasRecords").is(true))
                .with(Sort.by(Sort.Direction.DESC, "lastRecordAt")).limit(limit));
    }

    @Override
    public List<ItemAdoptions> withOpenFollowUpDueBefore(LocalDate day) {
        return find(new Query(Criteria.where("openFollowUpDue").lt(day))
                .with(Sort.by(Sort.Direction.ASC, "openFollowUpDue")));
    }

    @Override
    public List<String> itemIdsOf(String unitId, String title) {
        Query query = new Query(Criteria.where("unitId").is(unitId).and("title").is(title));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    private List<ItemAdoptions> find(Query query) {
        return mongo.find(query, ItemAdoptionsDocument.class).stream().map(MongoItemAdoptionsStore::toDomain)
                .toList();
    }

    private static ItemAdoptions toDomain(ItemAdoptionsDocument doc) {
        return new ItemAdoptions(doc.id(), doc.facts(), doc.records() == null ? List.of() : doc.records(),
                doc.waitingImports());
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
