package cn.gov.eqq.govinfo.adoption.support;

import cn.gov.eqq.govinfo.adoption.record.application.CombinedAdoptionStore;
import cn.gov.eqq.govinfo.adoption.record.domain.CombinedAdoption;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class InMemoryCombinedAdoptionStore implements CombinedAdoptionStore {

    private final Map<String, CombinedAdoption> all = new LinkedHashMap<>();
    private final Map<String, List<String>> applied = new LinkedHashMap<>();

    @Override
    public synchronized void insert(CombinedAdoption combined) {
        all.put(combined.combinedRecordId(), combined);
    }

    @Override
    public synchronized void markApplied(String combinedRecordId, List<String> skipped) {
        applied.put(combinedRecordId, List.copyOf(skipped));
    }

    public synchronized boolean applied(String combinedRecordId) {
        return applied.containsKey(combinedRecordId);
    }

    @Override
    public synchronized Optional<CombinedAdoption> find(String combinedRecordId) {
        return Optional.ofNullable(all.get(combinedRecordId));
    }

    @Override
    public synchronized List<CombinedAdoption> pendingSince(Instant before) {
        return all.values().stream().filter(c -> !applied.containsKey(c.combinedRecordId()))
                .filter(c -> c.at().isBefore(before)).toList();
    }
}
