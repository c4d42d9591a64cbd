package cn.gov.eqq.govinfo.intake.filing.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.filing.application.FilingStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Collection {@code filings}: id {@code <year>|<unit>}, the current filing, earlier ones in {@code history}. */
@Component
class MongoFilingStore implements FilingStore {

    static final String COLLECTION = "filings";

    private final MongoTemplate mongo;

    MongoFilingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(Filing f) {
        Document current = new Document("title", f.title()).append("attachmentId", f.attachmentId())
                .append("fileName", f.fileName()).append("filedBy", f.filedBy()).append("filedAt", Date.from(f.filedAt()));
        Update u = new Update().set("year", f.year()).set("unitId", f.unitId()).set("current", current)
                .setOnInsert("firstFiledAt", Date.from(f.firstFiledAt())).push("history", current);
        mongo.findAndModify(new Query(Criteria.where("_id").is(f.year() + "|" + f.unitId())), u,
                FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
    }

    @Override
    public Optional<Filing> find(int year, String unitId) {
        return Optional.ofNullable(mongo.findById(year + "|" + unitId, Document.class, COLLECTION))
                .map(MongoFilingStore::toFiling);
    }

    @Override
    public List<Filing> ofYear(int year) {
        return mongo.find(new Query(Criteria.where("year").is(year)), Document.class, COLLECTION).stream()
                .map(MongoFilingStore::toFiling).toList();
    }

    private static Filing toFiling(Document d) {
        Document c = d.get("current", Document.class);
        return new Filing(d.getInteger("year"), d.getString("unitId"), c.getString("title"), c.getString("attachmentId"),
                c.getString("fileName"), c.getString("filedBy"), c.getDate("filedAt").toInstant(),
                d.getDate("firstFiledAt").toInstant());
    }
}
