package cn.gov.eqq.govinfo.adoption.importing.adapter.out.mongo;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore;
import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;
import org.springframework.dao.DuplicateKeyException;
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
class MongoImportBatchStore implements ImportBatchStore {

    static final String COLLECTION = "imports";

    /** One accepted file: all its lines in one document (one atomic write), and whether they have been applied. */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record BatchDocument(@Id String id, String fileName, List<PlannedRow> rows, String importedBy,
                         Instant importedAt, boolean applied, int added) {
    }

    private final MongoTemplate mongo;

    MongoImportBatchStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean insertIfAbsent(Batch batch) {
        try {
            mongo.insert(new BatchDocument(batch.batchId(), batch.fileName(), batch.rows(), batch.importedBy(),
                    batch.importedAt(), false, 0));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void markApplied(String batchId, int added) {
        // a repeated import adds 0: keep the count of the first application
        mongo.updateFirst(new Query(Criteria.where("_id").is(batchId).and("applied").is(false)),
                new Update().set("applied", true).set("added", added), BatchDocument.class);
    }

    @Override
    public List<Batch> pendingSince(Instant before) {
        return mongo.find(new Query(Criteria.where("applied").is(false).and("importedAt").lt(before)),
                BatchDocument.class).stream().map(MongoImportBatchStore::toBatch).toList();
    }

    @Override
    public Optional<Batch> find(String batchId) {
        return Optional.ofNullable(mongo.findById(batchId, BatchDocument.class)).map(MongoImportBatchStore::toBatch);
    }

    private static Batch toBatch(BatchDocument d) {
        return new Batch(d.id(), d.fileName(), d.rows(), d.importedBy(), d.importedAt());
    }
}
