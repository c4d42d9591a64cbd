package cn.gov.eqq.govinfo.scoring.shared.application;

import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;

import java.util.List;

/**
 * One item's facts and derived ledger entries as stored, with the version used for optimistic updates and what was
 * last published of its score ({@code null} for an item stored before scores were published).
 */
public record StoredItem(ItemFacts facts, List<LedgerEntry> entries, long version, Published published) {

    public StoredItem {
        entries = List.copyOf(entries);
    }

    public StoredItem(ItemFacts facts, List<LedgerEntry> entries, long version) {
        this(facts, entries, version, null);
    }

    /**
     * The item's last published {@code ItemScored}: its {@code scoreVersion} and a digest of its content (without
     * the version and the time), which tells whether a new decision differs from it.
     */
    public record Published(long scoreVersion, String digest) {
    }
}
