package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: one document per item holding its facts, its records, the ids of the intake events already applied and
 * the outbox. A save is one single-document write guarded by the version read (no multi-document transactions).
 */
public interface ItemAdoptionsStore {

    /** An item as read, with the version to hand back on save and the intake events it has applied. */
    record Loaded(ItemAdoptions item, long version, List<String> appliedEventIds) {
        public static Loaded fresh(String itemId) {
            return new Loaded(ItemAdoptions.firstHeardOf(itemId), -1, List.of());
        }

        public boolean isNew() {
            return version < 0;
        }
    }

    Optional<Loaded> load(String itemId);

    /**
     * Writes the item and appends {@code events} to its outbox in the same write.
     *
     * @throws ConcurrentChange when someone else wrote the item since it was loaded
     */
    void save(Loaded loaded, List<String> appliedEventIds, List<EventEnvelope<?>> events);

    /** Items of one unit that carry at least one record. */
    List<ItemAdoptions> withRecordsOfUnit(String unitId);

    /** Items that carry at least one record, newest first, at most {@code limit}. */
    List<ItemAdoptions> withRecords(int limit);

    /** Items with a follow-up still open whose due date is before {@code day}. */
    List<ItemAdoptions> withOpenFollowUpDueBefore(LocalDate day);

    /** Ids of a unit's items with exactly this title. */
    List<String> itemIdsOf(String unitId, String title);

    /** Somebody wrote the item between our read and our write: read again and retry. */
    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String itemId) {
            super("item " + itemId + " changed concurrently");
        }
    }
}
