package cn.gov.eqq.govinfo.intake.item.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.item.application.AttachmentStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Optional;

/** Collection {@code attachments}: metadata and the bytes in one document (files are limited well below 16 MB). */
@Component
class MongoAttachmentStore implements AttachmentStore {

    static final String COLLECTION = "attachments";

    private final MongoTemplate mongo;

    MongoAttachmentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(Attachment m, byte[] content) {
        mongo.insert(new Document("_id", m.id()).append("itemId", m.itemId()).append("unitId", m.unitId())
                .append("fileName", m.fileName()).append("mediaType", m.mediaType()).append("size", m.size())
                .append("sha256", m.sha256()).append("uploadedBy", m.uploadedBy())
                .append("uploadedAt", Date.from(m.uploadedAt())).append("data", new Binary(content)), COLLECTION);
    }

    @Override
    public Optional<Attachment> find(String id) {
        Query q = new Query(Criteria.where("_id").is(id));
        q.fields().exclude("data");
        Document d = mongo.findOne(q, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(x -> new Attachment(x.getString("_id"), x.getString("itemId"),
                x.getString("unitId"), x.getString("fileName"), x.getString("mediaType"),
                x.get("size", Number.class).longValue(), x.getString("sha256"), x.getString("uploadedBy"),
                x.getDate("uploadedAt").toInstant()));
    }

    @Override
    public Optional<byte[]> content(String id) {
        Document d = mongo.findById(id, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(x -> x.get("data", Binary.class).getData());
    }
}
