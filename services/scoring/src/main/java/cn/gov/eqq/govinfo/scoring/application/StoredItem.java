package cn.gov.eqq.govinfo.scoring.application;

import cn.gov.eqq.govinfo.scoring.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.domain.LedgerEntry;

import java.util.List;

/** One item's facts and derived ledger entries as stored, with the version used for optimistic updates. */
public record StoredItem(ItemFacts facts, List<LedgerEntry> entries, long version) {

    public StoredItem {
        entries = List.copyOf(entries);
    }
}
