package cn.gov.eqq.govinfo.adoption.record.adapter.out.mongo;

import cn.gov.eqq.govinfo.adoption.record.application.ItemScores;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One document per item in {@code item-scores}: scoring's newest decision, replaced only by a newer one. */
@Repository
class MongoItemScores implements ItemScores {

    static final String COLLECTION = "item-scores";

    /** {@code scoreVersion} is a copy of the score's, for the guarded replace. */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record ItemScoreDocument(@Id String id, long scoreVersion, ItemScore score) {
    }

    private final MongoTemplate mongo;

    MongoItemScores(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean keepIfNewer(ItemScore score) {
        ItemScoreDocument doc = new ItemScoreDocument(score.itemId(), score.scoreVersion(), score);
        Query older = new Query(Criteria.where("_id").is(score.itemId()).and("scoreVersion").lt(score.scoreVersion()));
        if (mongo.findAndReplace(older, doc) != null) {
            return true;
        }
        try {
            mongo.insert(doc);
            return true;
        } catch (DuplicateKeyException newerHeld) {
            return false; // a decision at least as new is already held
        }
    }

    @Override
    public Optional<ItemScore> find(String itemId) {
        return Optional.ofNullable(mongo.findById(itemId, ItemScoreDocument.class)).map(ItemScoreDocument::score);
    }

    @Override
    public Map<String, ItemScore> findAll(Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(new Query(Criteria.where("_id").in(itemIds)), ItemScoreDocument.class).stream()
                .map(ItemScoreDocument::score)
                .collect(Collectors.toMap(ItemScore::itemId, Function.identity()));
    }
}
