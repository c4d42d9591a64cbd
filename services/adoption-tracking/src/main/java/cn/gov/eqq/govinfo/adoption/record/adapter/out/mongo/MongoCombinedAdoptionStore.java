package cn.gov.eqq.govinfo.adoption.record.adapter.out.mongo;

import cn.gov.eqq.govinfo.adoption.record.application.CombinedAdoptionStore;
import cn.gov.eqq.govinfo.adoption.record.domain.CombinedAdoption;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
class MongoCombinedAdoptionStore implements CombinedAdoptionStore {

    static final String COLLECTION = "combined";

    /** The decision as written, whether it has been applied to every source, and which sources were skipped. */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record CombinedDocument(@Id String id, CombinedAdoption combined, boolean applied, List<String> skipped,
                            Instant createdAt) {
    }

    private final MongoTemplate mongo;

    MongoCombinedAdoptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(CombinedAdoption combined) {
        mongo.insert(new CombinedDocument(combined.combinedRecordId(), combined, false, List.of(), combined.at()));
    }

    @Override
    public void markApplied(String combinedRecordId, List<String> skipped) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(combinedRecordId)),
                new Update().set("applied", true).set("skipped", skipped), CombinedDocument.class);
    }

    @Override
    public Optional<CombinedAdoption> find(String combinedRecordId) {
        return Optional.ofNullable(mongo.findById(combinedRecordId, CombinedDocument.class))
                .map(CombinedDocument::combined);
    }

    @Override
    public List<CombinedAdoption> pendingSince(Instant before) {
        return mongo.find(new Query(Criteria.where("applied").is(false).and("createdAt").lt(before)),
                CombinedDocument.class).stream().map(CombinedDocument::combined).toList();
    }
}
