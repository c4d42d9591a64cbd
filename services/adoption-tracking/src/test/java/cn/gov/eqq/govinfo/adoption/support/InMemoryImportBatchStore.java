package cn.gov.eqq.govinfo.adoption.support;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public class InMemoryImportBatchStore implements ImportBatchStore {

    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Set<String> applied = new HashSet<>();

    @Override
    public synchronized boolean insertIfAbsent(Batch batch) {
        return batches.putIfAbsent(batch.batchId(), batch) == null;
    }

    @Override
    public synchronized void markApplied(String batchId, int added) {
        applied.add(batchId);
    }

    public synchronized int count() {
        return batches.size();
    }

    @Override
    public synchronized Optional<Batch> find(String batchId) {
        return Optional.ofNullable(batches.get(batchId));
    }

    @Override
    public synchronized List<Batch> pendingSince(Instant before) {
        return batches.values().stream().filter(b -> !applied.contains(b.batchId()))
                .filter(b -> b.importedAt().isBefore(before)).toList();
    }
}
