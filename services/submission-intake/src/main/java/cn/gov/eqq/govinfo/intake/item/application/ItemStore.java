package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.ComparableText;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.item.domain.SimilarItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Where items live. A write stores the next state, its events (outbox) and its audit lines in one atomic update. */
public interface ItemStore {

    /** @param similar near-duplicates found when the latest revision was submitted (room only) */
    record StoredItem(Item item, long version, List<SimilarItem> similar) {
        public StoredItem {
            similar = similar == null ? List.of() : List.copyOf(similar);
        }
    }

    enum SortField { SUBMITTED_AT, CREATED_AT, UPDATED_AT, TITLE, UNIT }

    /**
     * The room's and the units' list. Null means "no filter".
     *
     * @param unitIds restrict to these units (a unit's people always get their own unit only)
     * @param text    a fragment of the title or body
     */
    record Search(Set<String> unitIds, Set<ItemStatus> statuses, Category category, FocusTopic topic,
                 Instant submittedFrom, Instant submittedTo, String text, SortField sort, boolean ascending,
                 int page, int size) {
    }

    record Page(List<StoredItem> items, long total, int page, int size) {
    }

    default void insert(Item item, List<AuditEntry> audit) {
        insert(item, List.of(), audit, List.of());
    }

    /** A new item with its events and audit lines in one write (an item the room entered for a unit is sent at once). */
    void insert(Item item, List<EventEnvelope<?>> events, List<AuditEntry> audit, List<SimilarItem> similar);

    /** An imported item with its events and audit lines, inserted in one write. */
    record ImportedItem(Item item, List<EventEnvelope<?>> events, List<AuditEntry> audit) {
    }

    /** How a part of an import counted: items it added, and items that were there already (another file's). */
    record Insertion(int added, int alreadyPresent) {
    }

    /**
     * Inserts the items that are not there yet, each document marked with {@code batchId}. An item there already
     * counts as added when {@code batchId} inserted it (a part written again after a crash), else as present.
     */
    Insertion insertImported(List<ImportedItem> items, String batchId);

    Optional<StoredItem> find(String itemId);

    /** @return false when someone else changed the item since {@code expectedVersion} */
    /** @param similar near-duplicates to keep with the item, or null to leave them as they are */
    boolean update(Item next, long expectedVersion, List<EventEnvelope<?>> events, List<AuditEntry> audit,
                   List<SimilarItem> similar);

    Page search(Search query);

    List<AuditEntry> audit(String itemId);

    /** An audit line with the item it belongs to. */
    record AuditLine(String itemId, String unitId, AuditEntry entry) {
    }

    /** Audit lines of every item written in [from, to), oldest first, at most {@code limit}. */
    List<AuditLine> auditBetween(Instant from, Instant to, int limit);

    /** A line of the trail of one of a unit's items, with the item's title and where it stands now. */
    record UnitTrailLine(String itemId, String title, ItemStatus status, AuditEntry entry) {
    }

    /** The trail lines of {@code unitId}'s items (deleted drafts left out) written since {@code since}, any order. */
    List<UnitTrailLine> unitTrailSince(String unitId, Instant since);

    /** Received (not voided) items per unit whose received revision was submitted in [from, to). */
    Map<String, Long> receivedCountsByUnit(Instant from, Instant to);

    /**
     * Hands the texts of items submitted since {@code since} (any unit; submitted, received or returned) to
     * {@code each}, one at a time, for the near-duplicate check. Streams: a month-end burst must not hold months of
     * items in memory at once, and only the compared fields are read.
     */
    void forEachSubmittedTextSince(Instant since, Consumer<ComparableText> each);
}
