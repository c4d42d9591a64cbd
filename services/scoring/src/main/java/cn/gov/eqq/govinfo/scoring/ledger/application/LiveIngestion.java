package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.shared.application.Generations;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the live listener applies a poll with: the live generation as always ({@link EventIngestion}), and, while a
 * rebuild's lease runs, the generation being built too; for a short while after a switch, the previous one too
 * (docs/adr/0021). Applying an event twice or out of order gives the same item, so it does not matter that the
 * rebuild may read the same events from the topics.
 * <p>
 * The live write is pinned to the generation the pointer named when the poll began, and the other writes go to
 * every generation that reading or one after the live write names. Stores that looked the live generation up at each
 * call lost a poll to the new generation when a switch fell between the live write and the next reading: written
 * into the old live one, then into the old one again as "previous", never into the new one, while the rebuild's
 * reader had stopped at the committed offsets, before this poll.
 */
public class LiveIngestion {

    private final EventIngestion ingestion;
    private final Generations generations;
    private final ItemScoreStore items;
    private final UnitStore units;
    private final Clock clock = Clock.systemUTC(); // leases are real time
    /** The live ingestion pinned to a generation, by number: it publishes and marks rankings. */
    private final Map<Long, EventIngestion> publishing = new ConcurrentHashMap<>();
    /** Ingestion into a generation other than the live one (the one being built, the previous one), by number. */
    private final Map<Long, EventIngestion> silent = new ConcurrentHashMap<>();

    public LiveIngestion(EventIngestion live, Generations generations, ItemScoreStore items, UnitStore units) {
        this.ingestion = live;
        this.generations = generations;
        this.items = items;
        this.units = units;
    }

    /** As {@link EventIngestion#applyAll}; a failure to write into the build makes the whole poll be delivered again. */
    public void applyAll(List<? extends ConsumedEvent> events) {
        GenerationPointer before = generations.current();
        long live = before.live();
        forget(before);
        publishing.computeIfAbsent(live, g -> ingestion.at(items.inGeneration(g), units.inGeneration(g)))
                .applyAll(events);
        // read again: a build claimed or a switch made while this poll was written (a slow poll under load) must
        // get the poll too, since the rebuild's reader stops at offsets this poll may not have committed yet
        GenerationPointer after = generations.current();
        Set<Long> others = new LinkedHashSet<>();
        named(before, clock.instant(), others);
        if (after != before) {
            named(after, clock.instant(), others);
        }
        others.remove(live);
        others.forEach(g -> alsoInto(g, events));
    }

    /** The generations a pointer has live scoring write into: the live one, a build whose lease runs, the previous. */
    private static void named(GenerationPointer pointer, Instant now, Set<Long> into) {
        into.add(pointer.live());
        if (pointer.buildAlive(now)) {
            into.add(pointer.building());
        }
        if (pointer.previousAlive(now)) {
            // just after a switch: a replica that has not seen it yet still reads the previous generation
            into.add(pointer.previous());
        }
    }

    private void alsoInto(long generation, List<? extends ConsumedEvent> events) {
        try {
            silent.computeIfAbsent(generation, g -> ingestion.into(items.inGeneration(g), units.inGeneration(g)))
                    .applyAll(events);
        } catch (RuntimeException e) {
            throw new EventIngestion.NotApplied(0, e instanceof EventIngestion.NotApplied n
                    && n.getCause() instanceof RuntimeException cause ? cause : e);
        }
    }

    /** Generations the pointer no longer names are dropped or about to be: their ingestion goes. */
    private void forget(GenerationPointer pointer) {
        Set<Long> named = new HashSet<>();
        named.add(pointer.live());
        if (pointer.building() != null) {
            named.add(pointer.building());
        }
        if (pointer.previous() != null) {
            named.add(pointer.previous());
        }
        publishing.keySet().retainAll(named);
        silent.keySet().retainAll(named);
    }
}
