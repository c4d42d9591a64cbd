package cn.gov.eqq.govinfo.scoring.shared.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;

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
    boolean save(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion, Publication publication);

    /** {@link #save(ItemFacts, List, long, Publication)} of a write that publishes nothing and keeps what was. */
    default boolean save(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion) {
        return save(facts, entries, expectedVersion, null);
    }

    /**
     * What is published of the item with this write, in the same single-document write (docs/adr/0002): the item's
     * {@code scoreVersion} and content digest from now on, and the {@code ItemScored} to append to the document's
     * outbox ({@code entry} null: the score did not change, nothing is published).
     */
    record Publication(long scoreVersion, String digest, OutboxEntry entry) {
    }

    /**
     * One item's write for {@link #saveAll}: insert when {@code expectedVersion} is -1, else a conditional update;
     * {@code publication} null publishes nothing and keeps what was.
     */
    record Write(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion, Publication publication) {

        public Write(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion) {
            this(facts, entries, expectedVersion, null);
        }
    }

    /**
     * The number that bases the {@code scoreVersion} of an item first stored in this store's generation: an item
     * first stored in generation {@code g} starts at {@code g × 1,000,000 + 1}, so that what a rebuilt generation
     * publishes is newer than anything published before it (docs/adr/0018, docs/adr/0021).
     */
    long replayGeneration();

    /**
     * The same store in the given generation's collections (docs/adr/0021); this store itself follows the live
     * generation.
     */
    ItemScoreStore inGeneration(long generation);

    /**
     * Performs the writes together (a store may send them in one round trip), each as {@link #save} would.
     *
     * @return true when every write landed; false when at least one met a concurrent write (which ones is not said:
     *         the caller applies those items' facts again one by one, which is idempotent)
     */
    boolean saveAll(List<Write> writes);

    /**
     * Inserts items not stored yet, each as {@link #save} with version -1 would, without reading anything first and
     * in as few round trips as the store can: a rebuild's new generation starts empty (docs/adr/0021).
     *
     * @return the ids of the items that were stored already (live ingestion or an earlier insert got there first):
     *         those were not written, and the caller merges their facts into what is stored
     */
    Set<String> insertAll(List<Write> writes);

    /** Entries of these units that count in any of these months. */
    List<LedgerEntry> entriesOf(Collection<String> unitIds, Collection<ReportingPeriod> months);

    /** Facts of every item with an entry in one of these months (for what-if). */
    List<ItemFacts> factsTouching(Collection<ReportingPeriod> months);

    /** The months the items of each of these units have entries in (units without items are absent). */
    Map<String, Set<ReportingPeriod>> monthsOfUnits(Collection<String> unitIds);

    /** Up to {@code limit} stored items with ids after {@code afterId} (null: from the first), in id order. */
    List<StoredItem> page(String afterId, int limit);

    /**
     * Up to {@code limit} items stored before scores were published (no {@code scoreVersion}), with ids after
     * {@code afterId} (null: from the first), in id order.
     */
    List<StoredItem> neverPublished(String afterId, int limit);

    long count();
}
