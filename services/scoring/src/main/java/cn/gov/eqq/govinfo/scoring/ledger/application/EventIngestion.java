package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFact;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;

import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Applies events: merges each fact into its item's record, derives the item's entries again and stores both in one
 * single-document write (optimistic, retried on a concurrent write) — with the item's {@code ItemScored} in the
 * document's outbox when its score changed ({@link ItemScores}) — then marks the affected rankings dirty.
 * {@link #applyAll} does the same for a poll's worth of events with a handful of round trips instead of several per
 * event (profiled: docs/performance.md).
 */
public class EventIngestion {

    private static final Logger log = LoggerFactory.getLogger(EventIngestion.class);
    private static final int ATTEMPTS = 20;

    private final ItemScoreStore items;
    private final UnitStore units;
    private final SnapshotStore snapshots;
    private final Policies policies;
    private final ItemScores scores;
    private final boolean marking;

    public EventIngestion(ItemScoreStore items, UnitStore units, SnapshotStore snapshots, Policies policies,
                          ItemScores scores) {
        this(items, units, snapshots, policies, scores, true);
    }

    private EventIngestion(ItemScoreStore items, UnitStore units, SnapshotStore snapshots, Policies policies,
                           ItemScores scores, boolean marking) {
        this.items = items;
        this.units = units;
        this.snapshots = snapshots;
        this.policies = policies;
        this.scores = scores;
        this.marking = marking;
    }

    /**
     * The same ingestion, publishing and marking as this one does, into the stores of one generation: the live
     * listener pins the generation its poll's pointer names (docs/adr/0021), instead of stores that look the live
     * generation up again at each call.
     */
    public EventIngestion at(ItemScoreStore generationItems, UnitStore generationUnits) {
        return new EventIngestion(generationItems, generationUnits, snapshots, policies, scores, marking);
    }

    /**
     * The same ingestion into a generation being rebuilt (docs/adr/0021): nothing is published and no ranking is
     * marked, since nobody reads that generation until it is live and every ranking is published again then.
     */
    public EventIngestion into(ItemScoreStore buildingItems, UnitStore buildingUnits) {
        return new EventIngestion(buildingItems, buildingUnits, snapshots, policies, scores.silent(), false);
    }

    public void apply(ConsumedEvent event) {
        if (event instanceof ConsumedEvent.UnitState u) {
            applyUnits(List.of(u.unit()));
        } else if (event instanceof ConsumedEvent.Fact f) {
            applyFact(f.fact());
        } else if (event instanceof ConsumedEvent.NoScore n) {
            log.debug("{} {} changes no score", n.type(), n.eventId());
        }
    }

    /**
     * Applies events in their order with the same result as {@link #apply} one by one, but batched: a run of item
     * facts is grouped by item, read in one query, merged, scored and written in one bulk, and its dirty ranking keys
     * are marked in one more; a run of unit states is applied in its place (after the facts before it) with a few
     * more bulk calls.
     *
     * @throws NotApplied naming the first event that may not be applied; everything before it is
     */
    public void applyAll(List<? extends ConsumedEvent> events) {
        List<ItemFact> facts = new ArrayList<>();
        List<Unit> unitChanges = new ArrayList<>();
        int runFrom = 0; // the first event of the run (of facts or of unit changes) not yet applied
        for (int i = 0; i < events.size(); i++) {
            ConsumedEvent event = events.get(i);
            if (event instanceof ConsumedEvent.UnitState u) {
                if (!facts.isEmpty()) {
                    flushFacts(facts, runFrom);
                    runFrom = i;
                }
                unitChanges.add(u.unit());
            } else if (event instanceof ConsumedEvent.Fact f) {
                if (!unitChanges.isEmpty()) {
                    flushUnits(unitChanges, runFrom);
                    runFrom = i;
                }
                facts.add(f.fact());
            }
        }
        flushUnits(unitChanges, runFrom);
        flushFacts(facts, runFrom);
    }

    /**
     * Folds a part of the topics into a generation being built (docs/adr/0021) with the result {@link #applyAll}
     * gives, but without reading the items first: the new generation starts empty, so each item's facts of this part
     * are merged in memory, scored once and inserted, {@link #FOLD_WRITE} items per round trip. An item that is
     * stored already (live ingestion wrote it during the build, or an earlier part held some of its facts) is merged
     * into what is stored, as {@link #applyAll} does. Unit states are applied first: no item's score depends on them.
     */
    public void foldAll(List<? extends ConsumedEvent> events) {
        List<Unit> unitStates = new ArrayList<>();
        Map<String, List<ItemFact>> byItem = new LinkedHashMap<>();
        for (ConsumedEvent event : events) {
            if (event instanceof ConsumedEvent.UnitState u) {
                unitStates.add(u.unit());
            } else if (event instanceof ConsumedEvent.Fact f) {
                byItem.computeIfAbsent(f.fact().itemId(), id -> new ArrayList<>()).add(f.fact());
            }
        }
        applyUnits(unitStates);
        PolicyHistory history = policies.history();
        LongSupplier generation = once(items::replayGeneration);
        List<ItemScoreStore.Write> writes = new ArrayList<>(FOLD_WRITE);
        for (List<ItemFact> itemFacts : byItem.values()) {
            ItemFacts after = ItemFacts.empty(itemFacts.get(0).itemId());
            for (ItemFact f : itemFacts) {
                if (!after.hasApplied(f.eventId())) {
                    after = after.with(f);
                }
            }
            List<LedgerEntry> entries = ItemScoring.score(after, history);
            writes.add(new ItemScoreStore.Write(after, entries, -1L,
                    scores.next(new ItemScores.PublishScore(null, after, entries, history, generation))));
            if (writes.size() == FOLD_WRITE) {
                insertFolded(writes, byItem);
            }
        }
        insertFolded(writes, byItem);
    }

    /** Items inserted per round trip by {@link #foldAll}. */
    static final int FOLD_WRITE = 2_000;

    private void insertFolded(List<ItemScoreStore.Write> writes, Map<String, List<ItemFact>> byItem) {
        if (writes.isEmpty()) {
            return;
        }
        Set<String> present = items.insertAll(writes);
        if (writes.stream().anyMatch(w -> w.publication() != null && w.publication().entry() != null)) {
            scores.written();
        }
        markDirty(writes.stream().filter(w -> !present.contains(w.facts().itemId()))
                .map(w -> new Change(List.of(), w.entries())).toList());
        writes.clear();
        if (!present.isEmpty()) {
            List<ItemFact> merge = new ArrayList<>();
            present.forEach(id -> merge.addAll(byItem.get(id)));
            applyFacts(merge);
        }
    }

    /** The events from {@link #index()} on were not (or not surely) applied; the cause says why. */
    public static final class NotApplied extends RuntimeException {
        private final int index;

        NotApplied(int index, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private void flushFacts(List<ItemFact> facts, int firstIndex) {
        try {
            applyFacts(facts);
        } catch (RuntimeException e) {
            throw new NotApplied(firstIndex, e);
        }
        facts.clear();
    }

    private void flushUnits(List<Unit> changes, int firstIndex) {
        try {
            applyUnits(changes);
        } catch (RuntimeException e) {
            throw new NotApplied(firstIndex, e);
        }
        changes.clear();
    }

    /**
     * A run of unit changes at once (a replay starts with every unit of a province): the states are folded in order
     * as one by one would, then written together, and the months of all changed units are read in one query
     * instead of one scan per unit. A change of membership — also one dated back — marks every period from the first
     * month it changes to this month, for each group the unit belongs or belonged to: quotas, deductions and the
     * rankings' members of those months follow it, items or not. A unit heard of for the first time (a new unit, a
     * replay, the first start) marks only those periods of its membership that have been published already: the
     * snapshot publisher publishes the never-published periods of a year on its own, with every member in them.
     * A rename marks the periods of the unit's items.
     */
    private void applyUnits(List<Unit> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Unit> current = new HashMap<>(units.findAll(changes.stream().map(Unit::unitId).toList()));
        Map<String, Set<Integer>> groupsToMark = new LinkedHashMap<>();
        Set<SnapshotStore.Key> keys = new LinkedHashSet<>();
        Set<SnapshotStore.Key> ifPublished = new LinkedHashSet<>();
        ReportingPeriod thisMonth = ReportingPeriod.monthOf(policies.today());
        for (Unit e : changes) {
            Unit before = current.get(e.unitId());
            Unit now = e.newer(before);
            if (before != null && before.equals(now)) {
                continue; // an older or repeated state: nothing changed
            }
            Set<Integer> groups = groupsToMark.computeIfAbsent(e.unitId(), id -> new TreeSet<>());
            if (before != null) {
                groups.addAll(before.groupsEver());
            }
            groups.addAll(now.groupsEver());
            Set<SnapshotStore.Key> membershipKeys = before == null ? ifPublished : keys;
            now.firstMonthDifferingFrom(before, thisMonth)
                    .ifPresent(from -> membershipKeys.addAll(SnapshotStore.Key.monthsFrom(from, thisMonth, groups)));
            current.put(e.unitId(), now);
        }
        if (groupsToMark.isEmpty()) {
            return;
        }
        units.saveAll(groupsToMark.keySet().stream().map(current::get).toList());
        if (!marking) {
            return;
        }
        ifPublished.removeAll(keys);
        ifPublished.stream().filter(k -> snapshots.versionOf(k) > 0).forEach(keys::add);
        Map<String, Set<ReportingPeriod>> monthsByUnit = items.monthsOfUnits(groupsToMark.keySet());
        groupsToMark.forEach((unitId, groups) -> {
            for (ReportingPeriod month : monthsByUnit.getOrDefault(unitId, Set.of())) {
                for (ReportingPeriod p : month.withEnclosing()) {
                    groups.forEach(g -> keys.add(new SnapshotStore.Key(p, g)));
                }
            }
        });
        snapshots.markDirty(keys, Instant.now());
    }

    private void applyFacts(List<ItemFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Map<String, List<ItemFact>> byItem = new LinkedHashMap<>();
        facts.forEach(f -> byItem.computeIfAbsent(f.itemId(), id -> new ArrayList<>()).add(f));
        Map<String, StoredItem> stored = items.findAll(byItem.keySet());
        PolicyHistory history = policies.history();
        List<ItemScoreStore.Write> writes = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        LongSupplier generation = once(items::replayGeneration);
        byItem.forEach((itemId, itemFacts) -> {
            StoredItem current = stored.get(itemId);
            ItemFacts before = current == null ? ItemFacts.empty(itemId) : current.facts();
            ItemFacts after = before;
            for (ItemFact f : itemFacts) {
                if (!after.hasApplied(f.eventId())) {
                    after = after.with(f);
                }
            }
            if (after == before) {
                return; // every one of them redelivered
            }
            List<LedgerEntry> entries = ItemScoring.score(after, history);
            writes.add(new ItemScoreStore.Write(after, entries, current == null ? -1L : current.version(),
                    scores.next(new ItemScores.PublishScore(current, after, entries, history, generation))));
            List<LedgerEntry> old = current == null ? List.of() : current.entries();
            if (!old.equals(entries)) {
                changes.add(new Change(old, entries));
            }
        });
        if (writes.isEmpty()) {
            return;
        }
        boolean allLanded = items.saveAll(writes);
        if (writes.stream().anyMatch(w -> w.publication() != null && w.publication().entry() != null)) {
            scores.written();
        }
        markDirty(changes);
        if (!allLanded) {
            // another writer (a replica during a rebalance) got to one of these items first: apply them one by one;
            // facts whose write did land are recognised as applied and change nothing
            log.debug("a batch of {} item writes met a concurrent write; applying them one by one", writes.size());
            byItem.values().forEach(list -> list.forEach(this::applyFact));
        }
    }

    public void applyFact(ItemFact fact) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StoredItem> stored = items.find(fact.itemId());
            ItemFacts before = stored.map(StoredItem::facts).orElseGet(() -> ItemFacts.empty(fact.itemId()));
            if (before.hasApplied(fact.eventId())) {
                return; // a redelivered event: nothing changes
            }
            ItemFacts after = before.with(fact);
            PolicyHistory history = policies.history();
            List<LedgerEntry> entries = ItemScoring.score(after, history);
            ItemScoreStore.Publication publication = scores.next(new ItemScores.PublishScore(stored.orElse(null),
                    after, entries, history, items::replayGeneration));
            if (items.save(after, entries, stored.map(StoredItem::version).orElse(-1L), publication)) {
                if (publication != null && publication.entry() != null) {
                    scores.written();
                }
                List<LedgerEntry> old = stored.map(StoredItem::entries).orElse(List.of());
                if (!old.equals(entries)) {
                    markDirty(List.of(new Change(old, entries)));
                }
                return;
            }
        }
        throw new IllegalStateException("item " + fact.itemId() + " kept changing under " + fact.eventId());
    }

    /** Reads the value at most once, when first asked for. */
    static LongSupplier once(LongSupplier read) {
        long[] value = new long[1];
        boolean[] known = new boolean[1];
        return () -> {
            if (!known[0]) {
                value[0] = read.getAsLong();
                known[0] = true;
            }
            return value[0];
        };
    }

    /** An item's entries before and after: their units and periods are the rankings that may have moved. */
    record Change(List<LedgerEntry> before, List<LedgerEntry> after) {
    }

    void markDirty(List<Change> changes) {
        if (changes.isEmpty() || !marking) {
            return;
        }
        Set<String> unitIds = new TreeSet<>();
        changes.forEach(c -> List.of(c.before(), c.after()).forEach(l -> l.forEach(e -> unitIds.add(e.unitId()))));
        Map<String, Unit> known = units.findAll(unitIds);
        // all keys in one call: the store writes them in one round trip
        Set<SnapshotStore.Key> keys = new LinkedHashSet<>();
        for (Change c : changes) {
            Set<String> changedUnits = new TreeSet<>();
            Set<ReportingPeriod> periods = new TreeSet<>();
            for (List<LedgerEntry> list : List.of(c.before(), c.after())) {
                for (LedgerEntry e : list) {
                    changedUnits.add(e.unitId());
                    periods.addAll(e.month().withEnclosing());
                }
            }
            for (String unitId : changedUnits) {
                Unit unit = known.get(unitId);
                if (unit != null) {
                    periods.forEach(p -> keys.add(new SnapshotStore.Key(p, unit.group())));
                }
            }
        }
        snapshots.markDirty(keys, Instant.now());
    }
}
