package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.shared.application.Generations;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the live listener applies a poll with: the live generation as always ({@link EventIngestion}), and, while a
 * rebuild's lease runs, the generation being built too; for a short while after a switch, the previous one too
 * (docs/adr/0021). Applying an event twice or out of order gives
 * the same item, so it does not matter that the rebuild may read the same events from the topics.
 */
public class LiveIngestion {

    private final EventIngestion live;
    private final Generations generations;
    private final ItemScoreStore items;
    private final UnitStore units;
    private final Clock clock = Clock.systemUTC(); // leases are real time
    /** Ingestion into a generation other than the live one (the one being built, the previous one), by number. */
    private final Map<Long, EventIngestion> other = new ConcurrentHashMap<>();

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
        Instant now = clock.instant();
        if (pointer.buildAlive(now)) {
            alsoInto(pointer.building(), events);
        }
        if (pointer.previousAlive(now)) {
            // just after a switch: a replica that has not seen it yet still reads the previous generation
            alsoInto(pointer.previous(), events);
        }
    }

    private void alsoInto(long generation, List<? extends ConsumedEvent> events) {
        try {
            into(generation).applyAll(events);
        } catch (RuntimeException e) {
            throw new EventIngestion.NotApplied(0, e instanceof EventIngestion.NotApplied n
                    && n.getCause() instanceof RuntimeException cause ? cause : e);
        }
    }

    private EventIngestion into(long generation) {
        return other.computeIfAbsent(generation,
                g -> live.into(items.inGeneration(g), units.inGeneration(g)));
    }
}
