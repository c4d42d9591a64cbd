package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.platform.imports.ImportState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import batches, one document per file (keyed by the file's hash, holding its text), which is also the job: its
 * state, its progress and who works on it. Work is claimed by a lease in the document (a conditional single-document
 * write), so any replica takes over a batch whose worker died once the lease has run out; nothing about a running
 * import lives in one process's memory.
 * <p>
 * QUEUED → CHECKING → FAILED (row errors, nothing written) or → WRITING → DONE. The move to WRITING is the commit:
 * from then on the batch is written whole, if need be by another replica after a crash.
 */
public interface ImportStore {

    /** A row error as stored with a failed batch. */
    record RowError(int row, String column, String message) {
    }

    /**
     * @param rows          good rows to write (known once checked)
     * @param checked       rows checked so far
     * @param written       rows written so far (in file order: rows before it are in the database)
     * @param errorCount    row errors found (the first {@code errors} of them are kept)
     * @param units         the unit cells as read at the commit (cell → unit id)
     */
    record Batch(String id, String fileName, String text, String importedBy, String origin, Instant startedAt,
                 ImportState state, int rows, int checked, int written, int added, int alreadyPresent, int errorCount,
                 List<RowError> errors, Map<String, String> units, Instant finishedAt) {

        public boolean done() {
            return state == ImportState.DONE;
        }
    }

    Optional<Batch> find(String batchId);

    /** Stores a new QUEUED batch. @return false when a batch with this id already exists */
    boolean accept(Batch batch);

    /** A FAILED batch uploaded again: queued once more (the directory may have changed). @return whether it was */
    boolean requeue(String batchId, String importedBy, String origin, Instant at);

    /** Claims one batch that is not finished and not held by a live lease; starts a QUEUED one's check. */
    Optional<Batch> claimNext(String worker, Instant now, Instant leaseUntil);

    /** Rows checked so far, renewing the lease. @return false when the claim was lost */
    boolean checking(String batchId, String worker, int checked, Instant leaseUntil);

    /** The check passed: the commit. @return false when the claim was lost */
    boolean commit(String batchId, String worker, int rows, int checked, Map<String, String> units,
                   Instant leaseUntil);

    /** Rows written so far and how they counted, renewing the lease. @return false when the claim was lost */
    boolean written(String batchId, String worker, int written, int added, int alreadyPresent, Instant leaseUntil);

    void fail(String batchId, String worker, int checked, int errorCount, List<RowError> errors, Instant at);

    void finish(String batchId, String worker, int added, int alreadyPresent, Instant at);

    /** The latest batches, without their text. */
    List<Batch> recent(int limit);
}
