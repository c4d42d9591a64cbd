package cn.gov.eqq.govinfo.scoring.application;

import cn.gov.eqq.govinfo.scoring.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.domain.Period;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: one record per item holding its facts, its derived entries and the events applied, written as a whole. */
public interface ItemScoreStore {

    Optional<StoredItem> find(String itemId);

    /** The stored records of these items (absent ones are not in the map), in one read. */
    Map<String, StoredItem> findAll(Collection<String> itemIds);

    /**
     * Writes the item if nobody wrote it since {@code expectedVersion} was read (-1 = not yet stored).
     *
     * @return false on a concurrent write: read again and retry
     */
    boolean save(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion);

    /** One item's write for {@link #saveAll}: insert when {@code expectedVersion} is -1, else a conditional replace. */
    record Write(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion) {
    }

    /**
     * Performs the writes together (a store may send them in one round trip), each as {@link #save} would.
     *
     * @return true when every write landed; false when at least one met a concurrent write (which ones is not said:
     *         the caller applies those items' facts again one by one, which is idempotent)
     */
    boolean saveAll(List<Write> writes);

    /** Entries of these units that count in any of these months. */
    List<LedgerEntry> entriesOf(Collection<String> unitIds, Collection<Period> months);

    /** Facts of every item with an entry in one of these months (for what-if). */
    List<ItemFacts> factsTouching(Collection<Period> months);

    /** The months the items of each of these units have entries in (units without items are absent). */
    Map<String, Set<Period>> monthsOfUnits(Collection<String> unitIds);

    /** Up to {@code limit} stored items with ids after {@code afterId} (null: from the first), in id order. */
    List<StoredItem> page(String afterId, int limit);

    long count();

    void deleteAll();
}
