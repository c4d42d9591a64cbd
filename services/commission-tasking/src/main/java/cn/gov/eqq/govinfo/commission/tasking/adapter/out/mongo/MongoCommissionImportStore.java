package cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo;

import cn.gov.eqq.govinfo.commission.tasking.application.CommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.domain.Deadline;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommission;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Collection {@code commission_imports}: one document per import (keyed by its content's hash) holding every
 * checked commission, written once before any commission is (the commit point). Instants are ISO-8601 strings, as
 * in {@code commissions}, so a deadline comes back to the nanosecond.
 */
public class MongoCommissionImportStore implements CommissionImportStore {

    public static final String COLLECTION = "commission_imports";

    private final MongoTemplate mongo;

    public MongoCommissionImportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Batch> find(String batchId) {
        return Optional.ofNullable(mongo.findById(batchId, Document.class, COLLECTION))
                .map(MongoCommissionImportStore::toBatch);
    }

    @Override
    public boolean begin(Batch b) {
        Document d = new Document("_id", b.id())
                .append("commissions", b.commissions().stream().map(MongoCommissionImportStore::toDocument).toList())
                .append("importedBy", b.importedBy()).append("origin", b.origin())
                .append("startedAt", b.startedAt().toString()).append("done", false)
                .append("added", 0).append("alreadyPresent", 0);
        try {
            mongo.insert(d, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void finish(String batchId, int added, int alreadyPresent, Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(batchId)), new Update().set("done", true)
                .set("added", added).set("alreadyPresent", alreadyPresent).set("finishedAt", at.toString()),
                COLLECTION);
    }

    @Override
    public List<Batch> pendingSince(Instant before) {
        // ISO-8601 instants of one form sort as text in time order
        return mongo.find(new Query(Criteria.where("done").is(false).and("startedAt").lt(before.toString())),
                Document.class, COLLECTION).stream().map(MongoCommissionImportStore::toBatch).toList();
    }

    @Override
    public List<Batch> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(limit), Document.class,
                COLLECTION).stream().map(MongoCommissionImportStore::toBatch).toList();
    }

    private static Document toDocument(PastCommission c) {
        return new Document("id", c.id()).append("title", c.title()).append("requirements", c.requirements())
                .append("targetUnitIds", c.targetUnitIds()).append("issuedAt", c.issuedAt().toString())
                .append("deadline", c.deadline().instant().toString())
                .append("answers", c.answers().stream().map(a -> new Document("unitId", a.unitId())
                        .append("itemId", a.itemId()).append("revision", a.revision())
                        .append("answeredAt", a.answeredAt().toString()).append("accepted", a.accepted())
                        .append("reason", a.reason())
                        .append("judgedAt", a.judgedAt() == null ? null : a.judgedAt().toString())).toList());
    }

    private static PastCommission toCommission(Document d) {
        List<PastCommission.Answer> answers = d.getList("answers", Document.class, List.of()).stream()
                .map(a -> new PastCommission.Answer(a.getString("unitId"), a.getString("itemId"),
                        a.getInteger("revision", 1), Instant.parse(a.getString("answeredAt")),
                        a.getBoolean("accepted"), a.getString("reason"),
                        a.getString("judgedAt") == null ? null : Instant.parse(a.getString("judgedAt"))))
                .toList();
        return new PastCommission(d.getString("id"), d.getString("title"), d.getString("requirements"),
                d.getList("targetUnitIds", String.class, List.of()), Instant.parse(d.getString("issuedAt")),
                new Deadline(Instant.parse(d.getString("deadline"))), answers);
    }

    private static Batch toBatch(Document d) {
        return new Batch(d.getString("_id"),
                d.getList("commissions", Document.class, List.of()).stream()
                        .map(MongoCommissionImportStore::toCommission).toList(),
                d.getString("importedBy"), d.getString("origin"), Instant.parse(d.getString("startedAt")),
                Boolean.TRUE.equals(d.getBoolean("done")), d.getInteger("added", 0), d.getInteger("alreadyPresent", 0));
    }
}
