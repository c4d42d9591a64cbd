package cn.gov.eqq.govinfo.reporting.facts.adapter.out.mongo;

import cn.gov.eqq.govinfo.reporting.facts.domain.AdoptionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemScore;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One collection per kind of fact; each document holds the fact and the ids of the events applied to it. The
 * replace is conditional on the event list read, so two writers never lose each other's change (the partition key
 * keeps one aggregate's events in order anyway).
 */
@Repository
class MongoFactStore implements FactStore {

    /** Only the last event ids are needed to recognise a redelivery; an aggregate has few events. */
    private static final int REMEMBERED_EVENTS = 200;
    private static final String ITEM_SCORES = "facts_item_scores";
    /** One document counting the changes applied to any fact ({@link #revision()}). */
    private static final String REVISION = "facts_revision";

    record UnitDocument(String id, UnitFact fact, List<String> eventIds) {
    }

    record ItemDocument(String id, ItemFact fact, List<String> eventIds) {
    }

    record AdoptionDocument(String id, AdoptionFact fact, List<String> eventIds) {
    }

    record CommissionDocument(String id, CommissionFact fact, List<String> eventIds) {
    }

    /** Scoring's latest decision for one item; {@code scoreVersion} is copied out to condition the replace on it. */
    record ItemScoreDocument(String id, ItemScore score, long scoreVersion) {
    }

    private final MongoTemplate mongo;

    MongoFactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void updateUnit(String id, String eventId, UnitFact initial, UnaryOperator<UnitFact> change) {
        update("facts_units", UnitDocument.class, id, eventId, initial, change, UnitDocument::fact,
                UnitDocument::eventIds, (f, e) -> new UnitDocument(id, f, e));
    }

    @Override
    public void updateItem(String id, String eventId, ItemFact initial, UnaryOperator<ItemFact> change) {
        update("facts_items", ItemDocument.class, id, eventId, initial, change, ItemDocument::fact,
                ItemDocument::eventIds, (f, e) -> new ItemDocument(id, f, e));
    }

    @Override
    public void updateAdoption(String id, String eventId, AdoptionFact initial, UnaryOperator<AdoptionFact> change) {
        update("facts_adoptions", AdoptionDocument.class, id, eventId, initial, change, AdoptionDocument::fact,
                AdoptionDocument::eventIds, (f, e) -> new AdoptionDocument(id, f, e));
    }

    @Override
    public void updateCommission(String id, String eventId, CommissionFact initial,
                                 UnaryOperator<CommissionFact> change) {
        update("facts_commissions", CommissionDocument.class, id, eventId, initial, change, CommissionDocument::fact,
                CommissionDocument::eventIds, (f, e) -> new CommissionDocument(id, f, e));
    }

    private <D, F> void update(String collection, Class<D> type, String id, String eventId, F initial,
                               UnaryOperator<F> change, Function<D, F> fact, Function<D, List<String>> events,
                               BiFunction<F, List<String>, D> build) {
        for (int attempt = 0; attempt < 5; attempt++) {
            D current = mongo.findById(id, type, collection);
            List<String> seen = current == null ? List.of() : events.apply(current);
            if (seen.contains(eventId)) {
                return; // redelivered
            }
            F next = change.apply(current == null ? initial : fact.apply(current));
            List<String> nextSeen = new ArrayList<>(seen);
            nextSeen.add(eventId);
            if (nextSeen.size() > REMEMBERED_EVENTS) {
                nextSeen = nextSeen.subList(nextSeen.size() - REMEMBERED_EVENTS, nextSeen.size());
            }
            D doc = build.apply(next, nextSeen);
            if (current == null) {
                try {
                    mongo.insert(doc, collection);
                    changed();
                    return;
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    continue;
                }
            }
            Query unchanged = new Query(Criteria.where("_id").is(id).and("eventIds").is(seen));
            if (mongo.findAndReplace(unchanged, doc, collection) != null) {
                changed();
                return;
            }
        }
        throw new IllegalStateException("concurrent updates of " + collection + "/" + id + " did not settle");
    }

    @Override
    public void keepItemScore(ItemScore score) {
        for (int attempt = 0; attempt < 5; attempt++) {
            ItemScoreDocument current = mongo.findById(score.itemId(), ItemScoreDocument.class, ITEM_SCORES);
            if (current != null && !score.newerThan(current.score())) {
                return; // redelivered, or older than what is kept
            }
            ItemScoreDocument next = new ItemScoreDocument(score.itemId(), score, score.scoreVersion());
            if (current == null) {
                try {
                    mongo.insert(next, ITEM_SCORES);
                    changed();
                    return;
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    continue;
                }
            }
            Query unchanged = new Query(Criteria.where("_id").is(score.itemId())
                    .and("scoreVersion").is(current.scoreVersion()));
            if (mongo.findAndReplace(unchanged, next, ITEM_SCORES) != null) {
                changed();
                return;
            }
        }
        throw new IllegalStateException("concurrent updates of " + ITEM_SCORES + "/" + score.itemId()
                + " did not settle");
    }

    @Override
    public long revision() {
        org.bson.Document d = mongo.findById("facts", org.bson.Document.class, REVISION);
        return d == null ? 0 : d.get("n", Number.class).longValue();
    }

    /** After the change is written: a reading kept at an earlier revision is then no longer answered. */
    private void changed() {
        mongo.upsert(new Query(Criteria.where("_id").is("facts")), new Update().inc("n", 1), REVISION);
    }

    @Override
    public Facts all() {
        return new Facts(
                mongo.findAll(UnitDocument.class, "facts_units").stream().map(UnitDocument::fact).toList(),
                mongo.findAll(ItemDocument.class, "facts_items").stream().map(ItemDocument::fact).toList(),
                mongo.findAll(AdoptionDocument.class, "facts_adoptions").stream().map(AdoptionDocument::fact).toList(),
                mongo.findAll(CommissionDocument.class, "facts_commissions").stream().map(CommissionDocument::fact)
                        .toList(),
                mongo.findAll(ItemScoreDocument.class, ITEM_SCORES).stream().map(ItemScoreDocument::score).toList());
    }
}
