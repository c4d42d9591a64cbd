package cn.gov.eqq.govinfo.intake.item.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.item.application.ImportStore;
import cn.gov.eqq.govinfo.platform.work.MongoBatchLeases;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collection {@code imports}: one document per imported file (keyed by its hash), with the file's text, its state
 * and progress, and the lease of the replica working on it ({@code claimedBy}, {@code claimUntil}). Documents
 * written before imports ran in the background have {@code done} and no {@code state}: done ones read as DONE, the
 * others as WRITING (they were stored only once checked) and are finished like any committed batch.
 */
@Component
class MongoImportStore implements ImportStore {

    static final String COLLECTION = "imports";

    private final MongoTemplate mongo;
    private final MongoBatchLeases leases;

    MongoImportStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.leases = new MongoBatchLeases(mongo, COLLECTION);
    }

    @Override
    public Optional<Batch> find(String batchId) {
        return Optional.ofNullable(mongo.findById(batchId, Document.class, COLLECTION)).map(MongoImportStore::toBatch);
    }

    @Override
    public boolean accept(Batch b) {
        try {
            mongo.insert(new Document("_id", b.id()).append("fileName", b.fileName()).append("text", b.text())
                    .append("importedBy", b.importedBy()).append("origin", b.origin())
                    .append("startedAt", Date.from(b.startedAt())).append("state", State.QUEUED.name())
                    .append("done", false).append("rows", 0).append("checked", 0).append("written", 0)
                    .append("added", 0).append("alreadyPresent", 0).append("errorCount", 0), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean requeue(String batchId, String importedBy, String origin, Instant at) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(batchId).and("state").is(State.FAILED.name())),
                new Update().set("state", State.QUEUED.name()).set("importedBy", importedBy).set("origin", origin)
                        .set("startedAt", Date.from(at)).set("checked", 0).set("errorCount", 0)
                        .unset("errors").unset("finishedAt").unset("claimedBy").unset("claimUntil"),
                COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public Optional<Batch> claimNext(String worker, Instant now, Instant leaseUntil) {
        return leases.claimNext(worker, now, leaseUntil).map(MongoImportStore::toBatch);
    }

    @Override
    public boolean checking(String batchId, String worker, int checked, Instant leaseUntil) {
        return held(batchId, worker, new Update().set("checked", checked).set("claimUntil", Date.from(leaseUntil)));
    }

    @Override
    public boolean commit(String batchId, String worker, int rows, int checked, Map<String, String> units,
                          Instant leaseUntil) {
        // a list, not a map: a cell may hold characters a field name may not
        List<Document> cells = units.entrySet().stream()
                .map(u -> new Document("cell", u.getKey()).append("unitId", u.getValue())).toList();
        return held(batchId, worker, new Update().set("state", State.WRITING.name()).set("rows", rows)
                .set("checked", checked).set("units", cells)
                .set("claimUntil", Date.from(leaseUntil)));
    }

    @Override
    public boolean written(String batchId, String worker, int written, int added, int alreadyPresent,
                           Instant leaseUntil) {
        return leases.written(batchId, worker, written, added, alreadyPresent, leaseUntil);
    }

    @Override
    public void fail(String batchId, String worker, int checked, int errorCount, List<RowError> errors, Instant at) {
        held(batchId, worker, new Update().set("state", State.FAILED.name()).set("checked", checked)
                .set("errorCount", errorCount)
                .set("errors", errors.stream().map(e -> new Document("row", e.row()).append("column", e.column())
                        .append("message", e.message())).toList())
                .set("finishedAt", Date.from(at)).unset("claimedBy").unset("claimUntil"));
    }

    @Override
    public void finish(String batchId, String worker, int added, int alreadyPresent, Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(batchId)), new Update().set("state", State.DONE.name())
                .set("done", true).set("added", added).set("alreadyPresent", alreadyPresent).set("finishedAt",
                        Date.from(at)).unset("claimedBy").unset("claimUntil"), COLLECTION);
    }

    @Override
    public List<Batch> recent(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(limit);
        query.fields().exclude("text").exclude("errors").exclude("units");
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoImportStore::toBatch).toList();
    }

    private boolean held(String batchId, String worker, Update update) {
        return leases.held(batchId, worker, update);
    }

    private static Batch toBatch(Document d) {
        boolean done = Boolean.TRUE.equals(d.getBoolean("done"));
        String state = d.getString("state");
        int rows = d.getInteger("rows", 0);
        Map<String, String> units = new LinkedHashMap<>();
        for (Document u : d.getList("units", Document.class, List.of())) {
            units.put(u.getString("cell"), u.getString("unitId"));
        }
        List<RowError> errors = d.getList("errors", Document.class, List.of()).stream()
                .map(e -> new RowError(e.getInteger("row", 0), e.getString("column"), e.getString("message")))
                .toList();
        Date finished = d.getDate("finishedAt");
        return new Batch(d.getString("_id"), d.getString("fileName"), d.getString("text"), d.getString("importedBy"),
                d.getString("origin"), d.getDate("startedAt").toInstant(),
                state != null ? State.valueOf(state) : done ? State.DONE : State.WRITING, rows,
                d.getInteger("checked", state == null ? rows : 0), d.getInteger("written", done ? rows : 0),
                d.getInteger("added", 0), d.getInteger("alreadyPresent", 0), d.getInteger("errorCount", 0), errors,
                units, finished == null ? null : finished.toInstant());
    }
}
