package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Import batches: the staging area of an import. A batch document holds the whole checked import; writing it is
 * the commit point. From then on the import is completed (by the request, or after a crash by whichever replica
 * finds it pending) and never left half done; before it, nothing of the import is written anywhere.
 */
public interface CommissionImportStore {

    record Batch(String id, List<PastCommission> commissions, String importedBy, String origin, Instant startedAt,
                 boolean done, int added, int alreadyPresent) {
    }

    Optional<Batch> find(String batchId);

    /** @return false when a batch with this id (the same content) already exists */
    boolean begin(Batch batch);

    void finish(String batchId, int added, int alreadyPresent, Instant at);

    /** Batches committed but not finished that started before {@code before}. */
    List<Batch> pendingSince(Instant before);

    List<Batch> recent(int limit);
}
