package cn.gov.eqq.govinfo.intake.item.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.item.application.ImportStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Collection {@code imports}: one document per imported file (keyed by its hash), with the file's text. */
@Component
class MongoImportStore implements ImportStore {

    static final String COLLECTION = "imports";

    private final MongoTemplate mongo;

    MongoImportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Batch> find(String batchId) {
        return Optional.ofNullable(mongo.findById(batchId, Document.class, COLLECTION)).map(MongoImportStore::toBatch);
    }

    @Override
    public boolean begin(Batch b) {
        try {
            mongo.insert(new Document("_id", b.id()).append("fileName", b.fileName()).append("text", b.text())
                    .append("importedBy", b.importedBy()).append("origin", b.origin())
                    .append("startedAt", Date.from(b.startedAt())).append("done", false).append("rows", b.rows())
                    .append("added", 0).append("alreadyPresent", 0), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void finish(String batchId, int added, int alreadyPresent, Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(batchId)), new Update().set("done", true)
                .set("added", added).set("alreadyPresent", alreadyPresent).set("finishedAt", Date.from(at)), COLLECTION);
    }

    @Override
    public List<Batch> pending() {
        return mongo.find(new Query(Criteria.where("done").is(false)), Document.class, COLLECTION).stream()
                .map(MongoImportStore::toBatch).toList();
    }

    @Override
    public List<Batch> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(limit), Document.class,
                COLLECTION).stream().map(MongoImportStore::toBatch).toList();
    }

    private static Batch toBatch(Document d) {
        return new Batch(d.getString("_id"), d.getString("fileName"), d.getString("text"), d.getString("importedBy"),
                d.getString("origin"), d.getDate("startedAt").toInstant(), Boolean.TRUE.equals(d.getBoolean("done")),
                d.getInteger("rows", 0), d.getInteger("added", 0), d.getInteger("alreadyPresent", 0));
    }
}
