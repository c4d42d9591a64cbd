package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Import batches, one document per uploaded file (keyed by the file's hash, holding its text), which is also the job:
 * its state, its progress and who works on it. Work is claimed by a lease in the document (a conditional
 * single-document write), so any replica takes over a batch whose worker died once the lease has run out (ADR 0017,
 * ADR 0022).
 * <p>
 * QUEUED → CHECKING → FAILED (row problems, nothing written) or → WRITING → DONE. The move to WRITING is the commit:
 * it stores the checked lines (each with the item it was matched to), and from then on the batch is written whole,
 * if need be by another replica after a crash.
 */
public interface ImportBatchStore {

    /** A row problem as stored with a failed batch; {@code column} may be null (a problem of the whole line). */
    record RowError(int row, String column, String message) {
    }

    /**
     * How the lines written so far counted.
     *
     * @param added         records created by this batch
     * @param alreadyPresent lines whose record was already on file (another file's, or entered by hand)
     * @param waiting       lines left waiting for their item (ADR 0019)
     * @param skipped       lines whose item was voided between the check and the write
     */
    record Counts(int added, int alreadyPresent, int waiting, int skipped) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(added + o.added, alreadyPresent + o.alreadyPresent, waiting + o.waiting,
                    skipped + o.skipped);
        }
    }

    /**
     * @param rows       the distinct good lines to write, stored at the commit (empty before)
     * @param rowCount   how many they are
     * @param duplicateLinesInFile lines repeated inside the file, counted once
     * @param checked    lines checked so far
     * @param written    lines written so far (in file order: lines before it are applied)
     * @param errorCount row problems found (the first {@code errors} of them are kept)
     */
    record Batch(String batchId, String fileName, String text, String importedBy, Instant startedAt, ImportState state,
                 List<PlannedRow> rows, int rowCount, int duplicateLinesInFile, int checked, int written,
                 Counts counts, int errorCount, List<RowError> errors, Instant finishedAt) {

        public Batch {
            rows = rows == null ? List.of() : List.copyOf(rows);
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        public boolean done() {
            return state == ImportState.DONE;
        }

        public static Batch queued(String batchId, String fileName, String text, String importedBy, Instant at) {
            return new Batch(batchId, fileName, text, importedBy, at, ImportState.QUEUED, List.of(), 0, 0, 0, 0,
                    Counts.NONE, 0, List.of(), null);
        }
    }

    Optional<Batch> find(String batchId);

    /** Stores a new QUEUED batch. @return false when a batch with this id (the same file) already exists */
    boolean accept(Batch batch);

    /** A FAILED batch uploaded again: queued once more (items may have arrived since). @return whether it was */
    boolean requeue(String batchId, String importedBy, Instant at);

    /** Claims one batch that is not finished and not held by a live lease; starts a QUEUED one's check. */
    Optional<Batch> claimNext(String worker, Instant now, Instant leaseUntil);

    /** Lines checked so far, renewing the lease. @return false when the claim was lost */
    boolean checking(String batchId, String worker, int checked, Instant leaseUntil);

    /** The check passed: the commit, with the lines to write. @return false when the claim was lost */
    boolean commit(String batchId, String worker, List<PlannedRow> rows, int duplicateLinesInFile, int checked,
                   Instant leaseUntil);

    /** Lines written so far and how they counted, renewing the lease. @return false when the claim was lost */
    boolean written(String batchId, String worker, int written, Counts counts, Instant leaseUntil);

    /** The check found problems: nothing is written. @return false when the claim was lost */
    boolean fail(String batchId, String worker, int checked, int errorCount, List<RowError> errors, Instant at);

    /** Every line written. @return false when the claim was lost */
    boolean finish(String batchId, String worker, Counts counts, Instant at);

    /** The latest batches, without their text and lines. */
    List<Batch> recent(int limit);
}
