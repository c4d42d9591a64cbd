package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.item.ItemEvent;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what we know of each item from intake's events. The event id is remembered in the item's own document in
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
    public boolean apply(EventEnvelope<?> envelope) {
        if (!(envelope.payload() instanceof ItemEvent event)) {
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            ItemAdoptionsStore.Loaded loaded = store.load(event.itemId())
                    .orElseGet(() -> ItemAdoptionsStore.Loaded.fresh(event.itemId()));
            if (loaded.appliedEventIds().contains(envelope.eventId())) {
                return false;
            }
            loaded.item().updateFacts(next(loaded.item().facts(), event));
            List<EventEnvelope<?>> events = AdoptionEventFactory.eventsOf(
                    loaded.item().recordWaitingImports(LocalDate.now(clock)), loaded.item().facts().unitId());
            List<String> applied = new ArrayList<>(loaded.appliedEventIds());
            applied.add(envelope.eventId());
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

    static ItemFacts next(ItemFacts facts, ItemEvent event) {
        if (event instanceof ItemReceived r) {
            return facts.receivedAs(r.unitId(), r.title(), r.majorEmergency());
        }
        if (event instanceof ItemSubmitted s) {
            // the received revision's title wins once there is one
            return facts.received() ? facts : facts.submitted(s.unitId(), s.title());
        }
        if (event instanceof ItemVoided v) {
            return facts.voidedNow(v.unitId());
        }
        if (event instanceof ItemForwardedToCity f) {
            return facts.forwarded(f.unitId());
        }
        // ItemReturned and types added later: nothing adoption-tracking needs, but keep the unit
        return facts.unitId() == null ? facts.submitted(event.unitId(), facts.title()) : facts;
    }
}
