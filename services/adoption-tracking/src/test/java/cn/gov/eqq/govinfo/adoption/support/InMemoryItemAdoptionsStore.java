package cn.gov.eqq.govinfo.adoption.support;

import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Fake of the item store with the same version check; keeps every event "put in the outbox" for assertions. */
public class InMemoryItemAdoptionsStore implements ItemAdoptionsStore {

    private record Stored(ItemAdoptions item, long version, List<String> applied) {
    }

    private final Map<String, Stored> items = new LinkedHashMap<>();
    private final List<EventEnvelope<?>> outbox = new ArrayList<>();
    /** When set, a save of an item matching it fails once (a crash between two writes). */
    private Predicate<String> failNextSaveOf = id -> false;

    public synchronized InMemoryItemAdoptionsStore receivedItem(String itemId, String unitId, String title,
                                                                boolean majorEmergency) {
        items.put(itemId, new Stored(new ItemAdoptions(itemId,
                new ItemFacts(unitId, title, true, false, majorEmergency, false), List.of()), 0, List.of()));
        return this;
    }

    /** Puts an item as a stored document holds it, e.g. with records written by an earlier version. */
    public synchronized InMemoryItemAdoptionsStore withItem(ItemAdoptions item) {
        items.put(item.itemId(), new Stored(item, 0, List.of()));
        return this;
    }

    public synchronized void failNextSaveOf(String itemId) {
        failNextSaveOf = itemId::equals;
    }

    public synchronized List<EventEnvelope<?>> outbox() {
        return List.copyOf(outbox);
    }

    @Override
    public synchronized Optional<Loaded> load(String itemId) {
        Stored s = items.get(itemId);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(new Loaded(copy(s.item()), s.version(), s.applied()));
    }

    @Override
    public synchronized void save(Loaded loaded, List<String> appliedEventIds, List<EventEnvelope<?>> events) {
        String id = loaded.item().itemId();
        if (failNextSaveOf.test(id)) {
            failNextSaveOf = x -> false;
            throw new IllegalStateException("simulated crash before writing " + id);
        }
        Stored held = items.get(id);
        long heldVersion = held == null ? -1 : held.version();
        if (heldVersion != loaded.version()) {
            throw new ConcurrentChange(id);
        }
        items.put(id, new Stored(copy(loaded.item()), heldVersion + 1, List.copyOf(appliedEventIds)));
        outbox.addAll(events);
    }

    @Override
    public synchronized List<ItemAdoptions> withRecordsOfUnit(String unitId) {
        return items.values().stream().map(Stored::item)
                .filter(i -> unitId.equals(i.facts().unitId()) && !i.records().isEmpty()).map(this::copy).toList();
    }

    @Override
    public synchronized List<ItemAdoptions> withRecords(int limit) {
        return items.values().stream().map(Stored::item).filter(i -> !i.records().isEmpty()).limit(limit)
                .map(this::copy).toList();
    }

    @Override
    public synchronized List<ItemAdoptions> withOpenFollowUpDueBefore(LocalDate day) {
        return items.values().stream().map(Stored::item)
                .filter(i -> i.earliestOpenFollowUpDue().map(d -> d.isBefore(day)).orElse(false))
                .map(this::copy).toList();
    }

    @Override
    public synchronized List<String> itemIdsOf(String unitId, String title) {
        return items.values().stream().map(Stored::item)
                .filter(i -> unitId.equals(i.facts().unitId()) && title.equals(i.facts().title()))
                .map(ItemAdoptions::itemId).toList();
    }

    private ItemAdoptions copy(ItemAdoptions item) {
        return new ItemAdoptions(item.itemId(), item.facts(), item.records(), item.waitingImports());
    }
}
