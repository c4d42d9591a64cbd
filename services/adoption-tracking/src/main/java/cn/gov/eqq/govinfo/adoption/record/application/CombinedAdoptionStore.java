package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.CombinedAdoption;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the combined-adoption decisions, written once before they are applied to the source items, so that a crash
 * half-way is finished later instead of leaving some sources uncredited.
 */
public interface CombinedAdoptionStore {

    void insert(CombinedAdoption combined);

    void markApplied(String combinedRecordId, List<String> skipped);

    Optional<CombinedAdoption> find(String combinedRecordId);

    List<CombinedAdoption> pendingSince(Instant before);
}
