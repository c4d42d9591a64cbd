package cn.gov.eqq.govinfo.scoring.adapter.out.mongo;

import cn.gov.eqq.govinfo.scoring.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.application.StoredItem;
import cn.gov.eqq.govinfo.scoring.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.domain.Period;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@Repository
class MongoItemScoreStore implements ItemScoreStore {

    static final String COLLECTION = "item_scores";

    private final MongoTemplate mongo;

    MongoItemScoreStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("unitId", Sort.Direction.ASC)
                .on("months", Sort.Direction.ASC).named("unit_months"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("months", Sort.Direction.ASC).named("months"));
    }

    @Override
    public Optional<StoredItem> find(String itemId) {
        ItemScoreDocument doc = mongo.findById(itemId, ItemScoreDocument.class, COLLECTION);
        return Optional.ofNullable(doc).map(d -> new StoredItem(d.facts(), d.entries(), d.version()));
    }

    @Override
    public boolean save(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion) {
        List<String> months = entries.stream().map(e -> e.month().toString()).distinct().sorted().toList();
        ItemScoreDocument doc = new ItemScoreDocument(facts.itemId(), facts.unitId(), facts, entries, months,
                expectedVersion + 1);
        if (expectedVersion < 0) {
            try {
                mongo.insert(doc, COLLECTION);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        // one conditional single-document replace: facts, entries and applied event ids change together
        Query sameVersion = Query.query(Criteria.where("_id").is(facts.itemId()).and("version").is(expectedVersion));
        return mongo.findAndReplace(sameVersion, doc, COLLECTION) != null;
    }

    @Override
    public List<LedgerEntry> entriesOf(Collection<String> unitIds, Collection<Period> months) {
        Set<Period> wanted = Set.copyOf(months);
        Query q = Query.query(Criteria.where("unitId").in(unitIds).and("months").in(names(months)));
        return mongo.find(q, ItemScoreDocument.class, COLLECTION).stream()
                .flatMap(d -> d.entries().stream())
                .filter(e -> unitIds.contains(e.unitId()) && wanted.contains(e.month()))
                .toList();
    }

    @Override
    public List<ItemFacts> factsTouching(Collection<Period> months) {
        Query q = Query.query(Criteria.where("months").in(names(months)));
        return mongo.find(q, ItemScoreDocument.class, COLLECTION).stream().map(ItemScoreDocument::facts).toList();
    }

    @Override
    public Set<Period> monthsOfUnit(String unitId) {
        Set<Period> out = new TreeSet<>();
        mongo.find(Query.query(Criteria.where("unitId").is(unitId)), ItemScoreDocument.class, COLLECTION)
                .forEach(d -> d.months().forEach(m -> out.add(Period.parse(m))));
        return out;
    }

    @Override
    public long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    @Override
    public void deleteAll() {
        mongo.remove(new Query(), COLLECTION);
    }

    private static List<String> names(Collection<Period> months) {
        return months.stream().map(Period::toString).toList();
    }
}
