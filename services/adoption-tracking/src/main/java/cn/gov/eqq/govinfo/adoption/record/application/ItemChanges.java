package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordChange;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Read an item, let the domain change it, write it back with the resulting events in its outbox — one
 * single-document write. A concurrent writer (another request, the intake consumer, another replica's recovery)
 * makes us read and try again, after a short random pause that grows with each attempt: two replicas that collide
 * on one item would otherwise collide again on every immediate retry.
 */
public class ItemChanges {

    private static final int ATTEMPTS = 10;

    private final ItemAdoptionsStore store;

    public ItemChanges(ItemAdoptionsStore store) {
        this.store = store;
    }

    public ItemAdoptions change(String itemId, Function<ItemAdoptions, List<RecordChange>> command) {
        return changeTelling(itemId, item -> AdoptionEventFactory.eventsOf(command.apply(item),
                item.facts().unitId()));
    }

    /** Like {@link #change} for commands that make their integration events themselves. */
    public ItemAdoptions changeTelling(String itemId, Function<ItemAdoptions, List<EventEnvelope<?>>> command) {
        return run(itemId, false, command);
    }

    /** Like {@link #change}, starting the item's document when nothing has been heard of it yet. */
    public ItemAdoptions changeOrStart(String itemId, Function<ItemAdoptions, List<RecordChange>> command) {
        return run(itemId, true, item -> AdoptionEventFactory.eventsOf(command.apply(item), item.facts().unitId()));
    }

    private ItemAdoptions run(String itemId, boolean start,
                              Function<ItemAdoptions, List<EventEnvelope<?>>> command) {
        for (int attempt = 1; ; attempt++) {
            ItemAdoptionsStore.Loaded loaded = store.load(itemId)
                    .or(() -> start ? Optional.of(ItemAdoptionsStore.Loaded.fresh(itemId)) : Optional.empty())
                    .orElseThrow(() -> new ItemNotKnown(itemId));
            List<EventEnvelope<?>> events = command.apply(loaded.item());
            try {
                store.save(loaded, loaded.appliedEventIds(), events);
                return loaded.item();
            } catch (ItemAdoptionsStore.ConcurrentChange e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pauseBefore(attempt + 1);
            }
        }
    }

    private static void pauseBefore(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a concurrent change", e);
        }
    }
}
