package cn.gov.eqq.govinfo.intake.item.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Import batches. A batch document (keyed by the file's hash) is written once every row has been checked: it is
 * the commit point. From then on the import is completed, if need be after a restart, and never left half done.
 */
public interface ImportStore {

    record Batch(String id, String fileName, String text, String importedBy, String origin, Instant startedAt,
                 boolean done, int rows, int added, int alreadyPresent) {
    }

    Optional<Batch> find(String batchId);

    /** @return false when a batch with this id already exists */
    boolean begin(Batch batch);

    void finish(String batchId, int added, int alreadyPresent, Instant at);

    List<Batch> pending();

    List<Batch> recent(int limit);
}
