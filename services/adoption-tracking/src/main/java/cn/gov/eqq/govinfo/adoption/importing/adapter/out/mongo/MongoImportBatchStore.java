package cn.gov.eqq.govinfo.adoption.importing.adapter.out.mongo;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore;
import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Collection {@code imports}: one document per uploaded file (keyed by its hash), with the file's text, its state and
 * progress, its checked lines once committed, and the lease of the replica working on it ({@code claimedBy},
 * {@code claimUntil}). Documents written before imports ran in the background have {@code applied} and no
 * {@code state} (and were stored only once checked, with their lines): applied ones read as DONE, the others as
 * WRITING from their first line, and are finished like any committed batch.
 */
@Repository
class MongoImportBatchStore implements ImportBatchStore {

    static final String COLLECTION = "imports";

    /** A batch as stored; every field but the id may be absent in a document written before the field existed. */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record BatchDocument(@Id String id, String fileName, String text, List<PlannedRow> rows, String importedBy,
                         Instant importedAt, Boolean applied, String state, Integer rowCount,
                         Integer duplicateLinesInFile, Integer checked, Integer written, Integer added,
                         Integer alreadyPresent, Integer waiting, Integer skipped, Integer errorCount,
                         List<RowError> errors, String claimedBy, Instant claimUntil, Instant finishedAt) {
    }

    private final MongoTemplate mongo;

    MongoImportBatchStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Batch> find(String batchId) {
        return Optional.ofNullable(mongo.findById(batchId, BatchDocument.class)).map(MongoImportBatchStore::toBatch);
    }

    @Override
    public boolean accept(Batch b) {
        try {
            mongo.insert(new BatchDocument(b.batchId(), b.fileName(), b.text(), List.of(), b.importedBy(),
                    b.startedAt(), false, ImportState.QUEUED.name(), 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), null, null,
                    null));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean requeue(String batchId, String importedBy, Instant at) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(batchId).and("state").is(ImportState.FAILED.name())),
                new Update().set("state", ImportState.QUEUED.name()).set("importedBy", importedBy).set("importedAt", at)
                        .set("checked", 0).set("errorCount", 0).unset("errors").unset("finishedAt")
                        .unset("claimedBy").unset("claimUntil"),
                BatchDocument.class).getModifiedCount() == 1;
    }

    @Override
    public Optional<Batch> claimNext(String worker, Instant now, Instant leaseUntil) {
        Criteria free = new Criteria().orOperator(Criteria.where("claimUntil").exists(false),
                Criteria.where("claimUntil").is(null), Criteria.where("claimUntil").lt(now));
        Criteria open = new Criteria().orOperator(
                Criteria.where("state").in(ImportState.QUEUED.name(), ImportState.CHECKING.name(), ImportState.WRITING.name()),
                new Criteria().andOperator(Criteria.where("state").exists(false), Criteria.where("applied").is(false)));
        BatchDocument claimed = mongo.findAndModify(
                new Query(new Criteria().andOperator(open, free)).with(Sort.by("importedAt")),
                new Update().set("claimedBy", worker).set("claimUntil", leaseUntil),
                FindAndModifyOptions.options().returnNew(true), BatchDocument.class);
        if (claimed == null) {
            return Optional.empty();
        }
        Batch batch = toBatch(claimed);
        if (batch.state() == ImportState.QUEUED) {
            held(batch.batchId(), worker, new Update().set("state", ImportState.CHECKING.name()));
            return Optional.of(new Batch(batch.batchId(), batch.fileName(), batch.text(), batch.importedBy(),
                    batch.startedAt(), ImportState.CHECKING, batch.rows(), batch.rowCount(), batch.duplicateLinesInFile(),
                    batch.checked(), batch.written(), batch.counts(), batch.errorCount(), batch.errors(),
                    batch.finishedAt()));
        }
        return Optional.of(batch);
    }

    @Override
    public boolean checking(String batchId, String worker, int checked, Instant leaseUntil) {
        return held(batchId, worker, new Update().set("checked", checked).set("claimUntil", leaseUntil));
    }

    @Override
    public boolean commit(String batchId, String worker, List<PlannedRow> rows, int duplicateLinesInFile,
                          int checked, Instant leaseUntil) {
        return held(batchId, worker, new Update().set("state", ImportState.WRITING.name()).set("rows", rows)
                .set("rowCount", rows.size()).set("duplicateLinesInFile", duplicateLinesInFile)
                .set("checked", checked).set("written", 0).set("claimUntil", leaseUntil));
    }

    @Override
    public boolean written(String batchId, String worker, int written, Counts counts, Instant leaseUntil) {
        return held(batchId, worker, counted(new Update().set("written", written), counts)
                .set("claimUntil", leaseUntil));
    }

    @Override
    public boolean fail(String batchId, String worker, int checked, int errorCount, List<RowError> errors,
                        Instant at) {
        return held(batchId, worker, new Update().set("state", ImportState.FAILED.name()).set("checked", checked)
                .set("errorCount", errorCount).set("errors", errors).set("finishedAt", at)
                .unset("claimedBy").unset("claimUntil"));
    }

    @Override
    public boolean finish(String batchId, String worker, Counts counts, Instant at) {
        return held(batchId, worker, counted(new Update().set("state", ImportState.DONE.name()).set("applied", true), counts)
                .set("finishedAt", at).unset("claimedBy").unset("claimUntil"));
    }

    @Override
    public List<Batch> recent(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "importedAt")).limit(limit);
        query.fields().exclude("text").exclude("rows").exclude("errors");
        return mongo.find(query, BatchDocument.class).stream().map(MongoImportBatchStore::toBatch).toList();
    }

    private static Update counted(Update update, Counts counts) {
        return update.set("added", counts.added()).set("alreadyPresent", counts.alreadyPresent())
                .set("waiting", counts.waiting()).set("skipped", counts.skipped());
    }

    private boolean held(String batchId, String worker, Update update) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(batchId).and("claimedBy").is(worker)), update,
                BatchDocument.class).getMatchedCount() == 1;
    }

    private static Batch toBatch(BatchDocument d) {
        List<PlannedRow> rows = d.rows() == null ? List.of() : d.rows();
        if (d.state() == null) {
            // stored before imports ran in the background: checked and committed, applied or not yet
            boolean applied = Boolean.TRUE.equals(d.applied());
            int added = nz(d.added());
            int waited = applied ? (int) rows.stream().filter(PlannedRow::waiting).count() : 0;
            int rowCount = d.rowCount() != null ? d.rowCount() : rows.size();
            return new Batch(d.id(), d.fileName(), d.text(), d.importedBy(), d.importedAt(),
                    applied ? ImportState.DONE : ImportState.WRITING, rows, rowCount, 0, rowCount,
                    applied ? rowCount : 0,
                    applied ? new Counts(added, Math.max(0, rowCount - added - waited), waited, 0) : Counts.NONE,
                    0, List.of(), applied ? d.importedAt() : null);
        }
        return new Batch(d.id(), d.fileName(), d.text(), d.importedBy(), d.importedAt(), ImportState.valueOf(d.state()),
                rows, nz(d.rowCount()), nz(d.duplicateLinesInFile()), nz(d.checked()), nz(d.written()),
                new Counts(nz(d.added()), nz(d.alreadyPresent()), nz(d.waiting()), nz(d.skipped())),
                nz(d.errorCount()), d.errors(), d.finishedAt());
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }
}
