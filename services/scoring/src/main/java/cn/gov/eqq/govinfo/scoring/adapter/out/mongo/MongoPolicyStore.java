package cn.gov.eqq.govinfo.scoring.adapter.out.mongo;

import cn.gov.eqq.govinfo.scoring.adapter.out.policy.PolicyJson;
import cn.gov.eqq.govinfo.scoring.application.PolicyStore;
import cn.gov.eqq.govinfo.scoring.domain.ScoringPolicy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** Added policy versions ({@code policies}), kept as the same JSON as the shipped file, with who added them. */
@Repository
class MongoPolicyStore implements PolicyStore {

    static final String COLLECTION = "policies";

    record PolicyDocument(String id, String json, String addedBy, Instant addedAt) {
    }

    private final MongoTemplate mongo;

    MongoPolicyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<ScoringPolicy> all() {
        return mongo.findAll(PolicyDocument.class, COLLECTION).stream().map(d -> PolicyJson.read(d.json())).toList();
    }

    @Override
    public boolean insert(ScoringPolicy policy, String addedBy, Instant addedAt) {
        try {
            mongo.insert(new PolicyDocument(policy.version(), PolicyJson.write(policy), addedBy, addedAt), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
