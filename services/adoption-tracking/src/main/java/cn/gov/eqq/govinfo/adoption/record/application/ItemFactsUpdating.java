package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what we know of each item from intake's events (translated by the Kafka adapter into
 * {@link UpdateItemFacts}). The event id is remembered in the item's own document in
 * the same write, so a redelivered event changes nothing. When the item is received, the imported lines that were
 * waiting for it become records in that same write, with their events in its outbox.
 */
public class ItemFactsUpdating {

    /** Enough to cover any redelivery window; older ids fall off. */
    static final int REMEMBERED_EVENT_IDS = 200;
    private static final int ATTEMPTS = 5;

    private final ItemAdoptionsStore store;
    private final Clock clock;

    public ItemFactsUpdating(ItemAdoptionsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return false when the event was applied before */
    public boolean apply(UpdateItemFacts update) {
        for (int attempt = 1; ; attempt++) {
            ItemAdoptionsStore.Loaded loaded = store.load(update.itemId())
                    .orElseGet(() -> ItemAdoptionsStore.Loaded.fresh(update.itemId()));
            if (loaded.appliedEventIds().contains(update.eventId())) {
                return false;
            }
            loaded.item().updateFacts(update.change().applyTo(loaded.item().facts()));
            List<EventEnvelope<?>> events = AdoptionEventFactory.eventsOf(
                    loaded.item().recordWaitingImports(LocalDate.now(clock)), loaded.item().facts().unitId());
            List<String> applied = new ArrayList<>(loaded.appliedEventIds());
            applied.add(update.eventId());
            if (applied.size() > REMEMBERED_EVENT_IDS) {
                applied = new ArrayList<>(applied.subList(applied.size() - REMEMBERED_EVENT_IDS, applied.size()));
            }
            try {
                store.save(loaded, applied, events);
                return true;
            } catch (ItemAdoptionsStore.ConcurrentChange e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
