package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.shared.application.Generations;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;

import java.time.Clock;
import java.util.List;

/**
 * What the live listener applies a poll with: the live generation as always ({@link EventIngestion}), and, while a
 * rebuild's lease runs, the generation being built too (docs/adr/0021). Applying an event twice or out of order gives
 * the same item, so it does not matter that the rebuild may read the same events from the topics.
 */
public class LiveIngestion {

    private final EventIngestion live;
    private final Generations generations;
    private final ItemScoreStore items;
    private final UnitStore units;
    private final Clock clock = Clock.systemUTC(); // leases are real time
    private volatile Building building;

    private record Building(long generation, EventIngestion ingestion) {
    }

    public LiveIngestion(EventIngestion live, Generations generations, ItemScoreStore items, UnitStore units) {
        this.live = live;
        this.generations = generations;
        this.items = items;
        this.units = units;
    }

    /** As {@link EventIngestion#applyAll}; a failure to write into the build makes the whole poll be delivered again. */
    public void applyAll(List<? extends ConsumedEvent> events) {
        live.applyAll(events);
        GenerationPointer pointer = generations.current();
        if (!pointer.buildAlive(clock.instant())) {
            return;
        }
        try {
            into(pointer.building()).applyAll(events);
        } catch (RuntimeException e) {
            throw new EventIngestion.NotApplied(0, e instanceof EventIngestion.NotApplied n
                    && n.getCause() instanceof RuntimeException cause ? cause : e);
        }
    }

    private EventIngestion into(long generation) {
        Building b = building;
        if (b == null || b.generation() != generation) {
            b = new Building(generation, live.into(items.inGeneration(generation), units.inGeneration(generation)));
            building = b;
        }
        return b.ingestion();
    }
}
