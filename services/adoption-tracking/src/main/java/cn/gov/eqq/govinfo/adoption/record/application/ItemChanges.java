package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordChange;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * Read an item, let the domain change it, write it back with the resulting events in its outbox — one
 * single-document write. A concurrent writer (another request, the intake consumer) makes us read and try again.
 */
@Component
public class ItemChanges {

    private static final int ATTEMPTS = 5;

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
        for (int attempt = 1; ; attempt++) {
            ItemAdoptionsStore.Loaded loaded = store.load(itemId).orElseThrow(() -> new ItemNotKnown(itemId));
            List<EventEnvelope<?>> events = command.apply(loaded.item());
            try {
                store.save(loaded, loaded.appliedEventIds(), events);
                return loaded.item();
            } catch (ItemAdoptionsStore.ConcurrentChange e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
