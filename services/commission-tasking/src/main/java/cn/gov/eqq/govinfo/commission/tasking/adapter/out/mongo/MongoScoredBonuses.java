package cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo;

import cn.gov.eqq.govinfo.commission.tasking.application.ScoredBonuses;
import cn.gov.eqq.govinfo.commission.tasking.domain.ScoredBonus;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** One document per answer item in {@code scored_bonuses}: scoring's newest decision, replaced only by a newer one. */
public class MongoScoredBonuses implements ScoredBonuses {

    public static final String COLLECTION = "scored_bonuses";

    private final MongoTemplate mongo;

    public MongoScoredBonuses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean keepIfNewer(ScoredBonus bonus) {
        Document doc = new Document("_id", bonus.itemId()).append("scoreVersion", bonus.scoreVersion())
                .append("points", bonus.points()).append("explanation", bonus.explanation());
        Query older = new Query(Criteria.where("_id").is(bonus.itemId()).and("scoreVersion").lt(bonus.scoreVersion()));
        if (mongo.findAndReplace(older, doc, COLLECTION) != null) {
            return true;
        }
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException newerHeld) {
            return false; // a decision at least as new is already held
        }
    }

    @Override
    public Map<String, ScoredBonus> of(Collection<String> itemIds) {
        return mongo.find(new Query(Criteria.where("_id").in(itemIds)), Document.class, COLLECTION).stream()
                .map(d -> new ScoredBonus(d.getString("_id"), d.get("scoreVersion", Number.class).longValue(),
                        d.getInteger("points", 0), d.getString("explanation")))
                .collect(Collectors.toMap(ScoredBonus::itemId, b -> b));
    }
}
