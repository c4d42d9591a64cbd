package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: an accepted import, written whole in one document before its rows are applied to the items, so a crash
 * half-way is finished later rather than leaving the file half-imported.
 */
public interface ImportBatchStore {

    record Batch(String batchId, String fileName, List<PlannedRow> rows, String importedBy, Instant importedAt) {
    }

    /** @return false when a batch with this id (the same set of lines) was imported before */
    boolean insertIfAbsent(Batch batch);

    void markApplied(String batchId, int added);

    List<Batch> pendingSince(Instant before);

    Optional<Batch> find(String batchId);
}
