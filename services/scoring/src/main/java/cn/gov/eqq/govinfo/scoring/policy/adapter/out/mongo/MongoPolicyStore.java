package cn.gov.eqq.govinfo.scoring.policy.adapter.out.mongo;

import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyStore;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntryDocuments;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Added policy versions ({@code policies}), kept as the same JSON as the shipped file, with who added them and
 * whether the items have been scored again under them ({@code awaitingRescore}; absent on versions stored before the
 * field existed, which were never back-dated and so need nothing) and the {@code outbox} from which the platform relay
 * publishes each version's {@code PolicyVersionAdded}.
 */
@Repository
class MongoPolicyStore implements PolicyStore {

    static final String COLLECTION = "policies";
    /** Marks the document that only announces the shipped version (the version itself is the resource file). */
    static final String SHIPPED = "shipped";

    record PolicyDocument(String id, String json, String addedBy, Instant addedAt, Boolean awaitingRescore,
                          Instant rescoredAt) {
    }

    private final MongoTemplate mongo;

    MongoPolicyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<ScoringPolicy> all() {
        Query added = Query.query(Criteria.where(SHIPPED).ne(true));
        return mongo.find(added, PolicyDocument.class, COLLECTION).stream().map(d -> PolicyJson.read(d.json())).toList();
    }

    @Override
    public boolean announceShipped(ScoringPolicy shipped, String addedBy, Instant at, OutboxEntry published) {
        Document doc = new Document("_id", shipped.version()).append("json", PolicyJson.write(shipped))
                .append("addedBy", addedBy).append("addedAt", Date.from(at))
                .append(SHIPPED, true).append("awaitingRescore", false)
                .append("outbox", List.of(OutboxEntryDocuments.toDocument(published)));
        return insertOnce(doc);
    }

    @Override
    public boolean insert(ScoringPolicy policy, String addedBy, Instant addedAt, OutboxEntry published) {
        Document doc = new Document("_id", policy.version()).append("json", PolicyJson.write(policy))
                .append("addedBy", addedBy).append("addedAt", Date.from(addedAt)).append("awaitingRescore", true)
                .append("outbox", List.of(OutboxEntryDocuments.toDocument(published)));
        return insertOnce(doc);
    }

    /** Inserts the document unless one with its id exists; false when it does. */
    private boolean insertOnce(Document doc) {
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean restore(ScoringPolicy policy, String addedBy, Instant addedAt) {
        UpdateResult result = mongo.upsert(Query.query(Criteria.where("_id").is(policy.version())),
                new Update().setOnInsert("json", PolicyJson.write(policy)).setOnInsert("addedBy", addedBy)
                        .setOnInsert("addedAt", addedAt == null ? null : Date.from(addedAt))
                        .setOnInsert("awaitingRescore", false), COLLECTION);
        return result.getUpsertedId() != null;
    }

    @Override
    public List<AwaitingRescore> awaitingRescore() {
        Query q = Query.query(Criteria.where("awaitingRescore").is(true));
        return mongo.find(q, PolicyDocument.class, COLLECTION).stream()
                .map(d -> new AwaitingRescore(d.id(), PolicyJson.read(d.json()).effectiveFrom())).toList();
    }

    @Override
    public void rescored(List<String> versions, Instant at) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(versions)),
                new Update().set("awaitingRescore", false).set("rescoredAt", at), COLLECTION);
    }
}
