package cn.gov.eqq.govinfo.scoring.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.domain.ItemFact;
import cn.gov.eqq.govinfo.scoring.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.domain.ItemScoring;
import cn.gov.eqq.govinfo.scoring.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.domain.Period;
import cn.gov.eqq.govinfo.scoring.domain.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies one event: merges its fact into the item's record, derives the item's entries again and stores both in
 * one single-document write (optimistic, retried on a concurrent write), then marks the affected rankings dirty.
 */
@Service
public class EventIngestion {

    private static final Logger log = LoggerFactory.getLogger(EventIngestion.class);
    private static final int ATTEMPTS = 20;

    private final ItemScoreStore items;
    private final UnitStore units;
    private final SnapshotStore snapshots;
    private final Policies policies;

    public EventIngestion(ItemScoreStore items, UnitStore units, SnapshotStore snapshots, Policies policies) {
        this.items = items;
        this.units = units;
        this.snapshots = snapshots;
        this.policies = policies;
    }

    public void apply(EventEnvelope<?> envelope) {
        log.debug("applying {} {} key {}", envelope.type(), envelope.eventId(), envelope.key());
        if (envelope.payload() instanceof UnitChanged u) {
            applyUnit(u);
            return;
        }
        Optional<ItemFact> fact = EventFacts.of(envelope);
        if (fact.isEmpty()) {
            log.debug("{} {} changes no score", envelope.type(), envelope.eventId());
            return;
        }
        applyFact(fact.get());
    }

    public void applyFact(ItemFact fact) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StoredItem> stored = items.find(fact.itemId());
            ItemFacts before = stored.map(StoredItem::facts).orElseGet(() -> ItemFacts.empty(fact.itemId()));
            if (before.hasApplied(fact.eventId())) {
                return; // a redelivered event: nothing changes
            }
            ItemFacts after = before.with(fact);
            List<LedgerEntry> entries = ItemScoring.score(after, policies.history());
            if (items.save(after, entries, stored.map(StoredItem::version).orElse(-1L))) {
                List<LedgerEntry> old = stored.map(StoredItem::entries).orElse(List.of());
                if (!old.equals(entries)) {
                    markDirty(old, entries);
                }
                return;
            }
        }
        throw new IllegalStateException("item " + fact.itemId() + " kept changing under " + fact.eventId());
    }

    private void applyUnit(UnitChanged e) {
        Unit unit = new Unit(e.unitId(), e.name(), e.group(), e.active(), e.changedAt());
        Optional<Unit> before = units.upsertIfNewer(unit);
        Set<Integer> groups = new HashSet<>();
        before.ifPresent(b -> groups.add(b.group()));
        units.find(e.unitId()).ifPresent(now -> groups.add(now.group()));
        if (before.isPresent() && before.get().equals(units.find(e.unitId()).orElse(null))) {
            return; // an older or repeated state: nothing changed
        }
        Set<Period> months = items.monthsOfUnit(e.unitId());
        Set<SnapshotStore.Key> keys = new LinkedHashSet<>();
        for (Period month : months) {
            for (Period p : month.withEnclosing()) {
                groups.forEach(g -> keys.add(new SnapshotStore.Key(p, g)));
            }
        }
        snapshots.markDirty(keys, Instant.now());
    }

    private void markDirty(List<LedgerEntry> old, List<LedgerEntry> now) {
        Set<String> unitIds = new TreeSet<>();
        Set<Period> periods = new TreeSet<>();
        for (List<LedgerEntry> list : List.of(old, now)) {
            for (LedgerEntry e : list) {
                unitIds.add(e.unitId());
                periods.addAll(e.month().withEnclosing());
            }
        }
        // all keys in one call: the store writes them in one round trip (this runs once per event)
        Set<SnapshotStore.Key> keys = new LinkedHashSet<>();
        for (String unitId : unitIds) {
            units.find(unitId).ifPresent(unit -> periods.forEach(p -> keys.add(new SnapshotStore.Key(p, unit.group()))));
        }
        snapshots.markDirty(keys, Instant.now());
    }
}
