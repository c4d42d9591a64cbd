package cn.gov.eqq.govinfo.adoption.support;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportState;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore;
import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The batch store's rules (lease, conditional writes) over a map. */
public class InMemoryImportBatchStore implements ImportBatchStore {

    private record Held(Batch batch, String claimedBy, Instant claimUntil) {
    }

    private final Map<String, Held> batches = new LinkedHashMap<>();

    public synchronized int count() {
        return batches.size();
    }

    @Override
    public synchronized Optional<Batch> find(String batchId) {
        return Optional.ofNullable(batches.get(batchId)).map(Held::batch);
    }

    /** Who holds the batch's lease, if anyone. */
    public synchronized Optional<String> claimedBy(String batchId) {
        return Optional.ofNullable(batches.get(batchId)).map(Held::claimedBy);
    }

    @Override
    public synchronized boolean accept(Batch batch) {
        return batches.putIfAbsent(batch.batchId(), new Held(batch, null, null)) == null;
    }

    @Override
    public synchronized boolean requeue(String batchId, String importedBy, Instant at) {
        Held h = batches.get(batchId);
        if (h == null || h.batch().state() != ImportState.FAILED) {
            return false;
        }
        Batch b = h.batch();
        batches.put(batchId, new Held(Batch.queued(batchId, b.fileName(), b.text(), importedBy, at), null, null));
        return true;
    }

    @Override
    public synchronized Optional<Batch> claimNext(String worker, Instant now, Instant leaseUntil) {
        Optional<Held> free = batches.values().stream()
                .filter(h -> !h.batch().state().finished())
                .filter(h -> h.claimUntil() == null || h.claimUntil().isBefore(now))
                .min(Comparator.comparing(h -> h.batch().startedAt()));
        return free.map(h -> {
            Batch b = h.batch().state() == ImportState.QUEUED ? with(h.batch(), ImportState.CHECKING) : h.batch();
            batches.put(b.batchId(), new Held(b, worker, leaseUntil));
            return b;
        });
    }

    @Override
    public synchronized boolean checking(String batchId, String worker, int checked, Instant leaseUntil) {
        return held(batchId, worker, leaseUntil, b -> new Batch(b.batchId(), b.fileName(), b.text(), b.importedBy(),
                b.startedAt(), b.state(), b.rows(), b.rowCount(), b.duplicateLinesInFile(), checked, b.written(),
                b.counts(), b.errorCount(), b.errors(), b.finishedAt()));
    }

    @Override
    public synchronized boolean commit(String batchId, String worker, List<PlannedRow> rows,
                                       int duplicateLinesInFile, int checked, Instant leaseUntil) {
        return held(batchId, worker, leaseUntil, b -> new Batch(b.batchId(), b.fileName(), b.text(), b.importedBy(),
                b.startedAt(), ImportState.WRITING, rows, rows.size(), duplicateLinesInFile, checked, 0, b.counts(),
                b.errorCount(), b.errors(), b.finishedAt()));
    }

    @Override
    public synchronized boolean written(String batchId, String worker, int written, Counts counts,
                                        Instant leaseUntil) {
        return held(batchId, worker, leaseUntil, b -> new Batch(b.batchId(), b.fileName(), b.text(), b.importedBy(),
                b.startedAt(), b.state(), b.rows(), b.rowCount(), b.duplicateLinesInFile(), b.checked(), written,
                counts, b.errorCount(), b.errors(), b.finishedAt()));
    }

    @Override
    public synchronized boolean fail(String batchId, String worker, int checked, int errorCount,
                                     List<RowError> errors, Instant at) {
        return held(batchId, worker, null, b -> new Batch(b.batchId(), b.fileName(), b.text(), b.importedBy(),
                b.startedAt(), ImportState.FAILED, b.rows(), b.rowCount(), b.duplicateLinesInFile(), checked,
                b.written(), b.counts(), errorCount, errors, at));
    }

    @Override
    public synchronized boolean finish(String batchId, String worker, Counts counts, Instant at) {
        return held(batchId, worker, null, b -> new Batch(b.batchId(), b.fileName(), b.text(), b.importedBy(),
                b.startedAt(), ImportState.DONE, b.rows(), b.rowCount(), b.duplicateLinesInFile(), b.checked(),
                b.written(), counts, b.errorCount(), b.errors(), at));
    }

    @Override
    public synchronized List<Batch> recent(int limit) {
        return batches.values().stream().map(Held::batch)
                .sorted(Comparator.comparing(Batch::startedAt).reversed()).limit(limit).toList();
    }

    private boolean held(String batchId, String worker, Instant leaseUntil, UnaryOperator<Batch> change) {
        Held h = batches.get(batchId);
        if (h == null || !worker.equals(h.claimedBy())) {
            return false;
        }
        Batch changed = change.apply(h.batch());
        boolean finished = changed.state().finished();
        batches.put(batchId, new Held(changed, finished ? null : worker, finished ? null : leaseUntil));
        return true;
    }

    private static Batch with(Batch b, ImportState state) {
        return new Batch(b.batchId(), b.fileName(), b.text(), b.importedBy(), b.startedAt(), state, b.rows(),
                b.rowCount(), b.duplicateLinesInFile(), b.checked(), b.written(), b.counts(), b.errorCount(),
                b.errors(), b.finishedAt());
    }
}
