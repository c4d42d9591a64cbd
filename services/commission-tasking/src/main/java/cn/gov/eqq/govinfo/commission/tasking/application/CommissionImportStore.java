package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommission;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Import batches, one document per import (keyed by its content's hash, holding what was sent), which is also the
 * job: its state, its progress and who works on it. Work is claimed by a lease in the document (a conditional
 * single-document write), so any replica takes over a batch whose worker died once the lease has run out; every
 * write of a worker after its claim holds only while the claim is still its own.
 * <p>
 * QUEUED → CHECKING → FAILED (errors, nothing written) or → WRITING → DONE. The move to WRITING is the commit: it
 * stores the checked commissions, and from then on the batch is written whole, if need be by another replica.
 */
public interface CommissionImportStore {

    enum State {
        QUEUED, CHECKING, WRITING, DONE, FAILED
    }

    /**
     * An error of a failed batch: {@code row} is the commission's number (JSON) or the file's line (CSV), 0 for the
     * whole import; {@code column} the field or the template's column; {@code field} where, as one path.
     */
    record RowError(int row, String column, String field, String message) {
    }

    /** What was sent: the commissions as JSON gave them, or the text of a CSV file made from the template. */
    record Input(List<PastCommissionRow> commissions, String csv) {

        public Input {
            commissions = commissions == null ? List.of() : commissions;
        }
    }

    /**
     * @param input         what was sent (empty in listings)
     * @param rows          commissions in the import (known once read)
     * @param checked       commissions checked
     * @param written       committed commissions written so far, in order (those before it are in the database)
     * @param errorCount    errors found (the first {@code errors} of them are kept)
     * @param commissions   the checked commissions, stored at the commit (empty before it and in listings)
     * @param commissionIds their ids
     */
    record Batch(String id, String fileName, Input input, String importedBy, String origin, Instant startedAt,
                 State state, int rows, int checked, int written, int added, int alreadyPresent, int errorCount,
                 List<RowError> errors, List<PastCommission> commissions, List<String> commissionIds,
                 Instant finishedAt) {

        public boolean done() {
            return state == State.DONE;
        }
    }

    Optional<Batch> find(String batchId);

    /** Stores a new QUEUED batch. @return false when a batch with this id (the same content) already exists */
    boolean accept(Batch batch);

    /** A FAILED batch sent again: queued once more (the units may be known by now). @return whether it was */
    boolean requeue(String batchId, String importedBy, String origin, Instant at);

    /** Claims one batch that is not finished and not held by a live lease; a QUEUED one becomes CHECKING. */
    Optional<Batch> claimNext(String worker, Instant now, Instant leaseUntil);

    /** The check passed: the commit. @return false when the claim was lost */
    boolean commit(String batchId, String worker, int rows, List<PastCommission> commissions, Instant leaseUntil);

    /** Commissions written so far and how they counted, renewing the lease. @return false when the claim was lost */
    boolean written(String batchId, String worker, int written, int added, int alreadyPresent, Instant leaseUntil);

    /** The check found errors: nothing is written. @return false when the claim was lost */
    boolean fail(String batchId, String worker, int rows, int errorCount, List<RowError> errors, Instant at);

    /** @return false when the claim was lost */
    boolean finish(String batchId, String worker, int added, int alreadyPresent, Instant at);

    /** The latest batches, without what was sent and without the checked commissions' content. */
    List<Batch> recent(int limit);
}
