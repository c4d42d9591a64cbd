package cn.gov.eqq.govinfo.scoring.shared.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.scoring.policy.application.CircularStore;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyStore;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PublishedCircular;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** In-memory fakes of the application's ports, with the same contracts as the Mongo adapters. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    public static final class Items implements ItemScoreStore {
        public final Map<String, StoredItem> byId = new TreeMap<>();
        public int writes;

        @Override
        public Optional<StoredItem> find(String itemId) {
            return Optional.ofNullable(byId.get(itemId));
        }

        @Override
        public Map<String, StoredItem> findAll(Collection<String> itemIds) {
            Map<String, StoredItem> out = new TreeMap<>();
            itemIds.stream().filter(byId::containsKey).forEach(id -> out.put(id, byId.get(id)));
            return out;
        }

        /** Every {@code ItemScored} written to an item's outbox, in order (as if published at once). */
        public final List<OutboxEntry> published = new ArrayList<>();
        public long generation;

        @Override
        public boolean saveAll(List<Write> writes) {
            boolean all = true;
            for (Write w : writes) {
                all &= save(w.facts(), w.entries(), w.expectedVersion(), w.publication());
            }
            return all;
        }

        @Override
        public Set<String> insertAll(List<Write> writes) {
            Set<String> present = new TreeSet<>();
            for (Write w : writes) {
                if (!save(w.facts(), w.entries(), -1, w.publication())) {
                    present.add(w.facts().itemId());
                }
            }
            return present;
        }

        @Override
        public boolean save(ItemFacts facts, List<LedgerEntry> entries, long expectedVersion,
                            Publication publication) {
            StoredItem stored = byId.get(facts.itemId());
            long current = stored == null ? -1 : stored.version();
            if (current != expectedVersion) {
                return false;
            }
            writes++;
            StoredItem.Published kept = publication == null ? (stored == null ? null : stored.published())
                    : new StoredItem.Published(publication.scoreVersion(), publication.digest());
            byId.put(facts.itemId(), new StoredItem(facts, entries, expectedVersion + 1, kept));
            if (publication != null && publication.entry() != null) {
                published.add(publication.entry());
            }
            return true;
        }

        @Override
        public long replayGeneration() {
            return generation;
        }

        /**
         * Each generation's items, kept in separate stores as the collections of each generation are; this store's
         * own generation (0 unless set) is this store, as generation 0 is the base collection in MongoDB.
         */
        public final Map<Long, Items> generations = new TreeMap<>();

        @Override
        public ItemScoreStore inGeneration(long g) {
            if (g == generation) {
                return this;
            }
            return generations.computeIfAbsent(g, x -> {
                Items in = new Items();
                in.generation = g;
                return in;
            });
        }

        @Override
        public List<LedgerEntry> entriesOf(Collection<String> unitIds, Collection<ReportingPeriod> months) {
            return byId.values().stream().flatMap(i -> i.entries().stream())
                    .filter(e -> unitIds.contains(e.unitId()) && months.contains(e.month())).toList();
        }

        @Override
        public List<ItemFacts> factsTouching(Collection<ReportingPeriod> months) {
            return byId.values().stream().filter(i -> i.entries().stream().anyMatch(e -> months.contains(e.month())))
                    .map(StoredItem::facts).toList();
        }

        private Set<ReportingPeriod> monthsOfUnit(String unitId) {
            Set<ReportingPeriod> out = new TreeSet<>();
            byId.values().stream().filter(i -> unitId.equals(i.facts().unitId()))
                    .forEach(i -> i.entries().forEach(e -> out.add(e.month())));
            return out;
        }

        @Override
        public Map<String, Set<ReportingPeriod>> monthsOfUnits(Collection<String> unitIds) {
            Map<String, Set<ReportingPeriod>> out = new TreeMap<>();
            for (String unitId : unitIds) {
                Set<ReportingPeriod> months = monthsOfUnit(unitId);
                if (!months.isEmpty()) {
                    out.put(unitId, months);
                }
            }
            return out;
        }

        @Override
        public List<StoredItem> neverPublished(String afterId, int limit) {
            return byId.entrySet().stream().filter(e -> afterId == null || e.getKey().compareTo(afterId) > 0)
                    .filter(e -> e.getValue().published() == null).limit(limit).map(Map.Entry::getValue).toList();
        }

        @Override
        public List<StoredItem> page(String afterId, int limit) {
            return byId.entrySet().stream().filter(e -> afterId == null || e.getKey().compareTo(afterId) > 0)
                    .limit(limit).map(Map.Entry::getValue).toList();
        }

        @Override
        public long count() {
            return byId.size();
        }
    }

    public static final class Units implements UnitStore {
        public final Map<String, Unit> byId = new TreeMap<>();

        @Override
        public Optional<Unit> find(String unitId) {
            return Optional.ofNullable(byId.get(unitId));
        }

        @Override
        public Map<String, Unit> findAll(Collection<String> unitIds) {
            Map<String, Unit> out = new TreeMap<>();
            unitIds.stream().filter(byId::containsKey).forEach(id -> out.put(id, byId.get(id)));
            return out;
        }

        @Override
        public void saveAll(Collection<Unit> units) {
            units.forEach(u -> byId.put(u.unitId(), u));
        }

        @Override
        public UnitDirectory directory() {
            return new UnitDirectory(byId.values());
        }

        /** Other generations' units; generation 0 is this store (the base collection, as in MongoDB). */
        public final Map<Long, Units> generations = new TreeMap<>();

        @Override
        public UnitStore inGeneration(long g) {
            if (g == 0) {
                return this;
            }
            return generations.computeIfAbsent(g, x -> new Units());
        }
    }

    public static final class Snapshots implements SnapshotStore {
        public record State(long version, long generation, boolean dirty, Instant lastMarkedAt, Instant firstMarkedAt,
                     List<OutboxEntry> outbox) {
        }

        public final Map<String, State> byId = new TreeMap<>();
        public final Map<String, Key> keys = new TreeMap<>();

        @Override
        public void markDirty(Key key, Instant now) {
            State s = byId.getOrDefault(key.id(), new State(0, 0, false, now, null, List.of()));
            keys.put(key.id(), key);
            byId.put(key.id(), new State(s.version(), s.generation() + 1, true, now,
                    s.firstMarkedAt() == null ? now : s.firstMarkedAt(), s.outbox()));
        }

        @Override
        public void markAllDirty(Instant now) {
            List.copyOf(keys.values()).forEach(k -> markDirty(k, now));
        }

        @Override
        public List<Dirty> dirty() {
            return byId.entrySet().stream().filter(e -> e.getValue().dirty())
                    .map(e -> new Dirty(keys.get(e.getKey()), e.getValue().version(), e.getValue().generation(),
                            e.getValue().lastMarkedAt(), e.getValue().firstMarkedAt())).toList();
        }

        @Override
        public boolean published(Dirty dirty, OutboxEntry entry) {
            State s = byId.get(dirty.key().id());
            if (s.version() != dirty.version()) {
                return false;
            }
            List<OutboxEntry> outbox = new ArrayList<>(s.outbox());
            outbox.add(entry);
            boolean clean = s.generation() == dirty.generation();
            byId.put(dirty.key().id(), new State(s.version() + 1, s.generation(), !clean, s.lastMarkedAt(),
                    clean ? null : s.firstMarkedAt(), outbox));
            return true;
        }

        @Override
        public long versionOf(Key key) {
            State s = byId.get(key.id());
            return s == null ? 0 : s.version();
        }

        @Override
        public java.util.Optional<Kept> kept(Key key) {
            State s = byId.get(key.id());
            if (s == null || s.outbox().isEmpty() || s.outbox().get(s.outbox().size() - 1) == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Kept(s.version(), s.dirty(), s.outbox().get(s.outbox().size() - 1).json()));
        }

        public Set<String> dirtyIds() {
            Set<String> out = new TreeSet<>();
            byId.forEach((k, v) -> {
                if (v.dirty()) {
                    out.add(k);
                }
            });
            return out;
        }
    }

    public static final class PolicyVersions implements PolicyStore {
        public final List<ScoringPolicy> added = new ArrayList<>();
        public final Map<String, Instant> awaiting = new TreeMap<>();

        @Override
        public List<ScoringPolicy> all() {
            return List.copyOf(added);
        }

        public final List<OutboxEntry> outbox = new ArrayList<>();

        @Override
        public boolean insert(ScoringPolicy policy, String addedBy, Instant addedAt, OutboxEntry published) {
            if (added.stream().anyMatch(p -> p.version().equals(policy.version()))) {
                return false;
            }
            added.add(policy);
            awaiting.put(policy.version(), addedAt);
            outbox.add(published);
            return true;
        }

        public final List<OutboxEntry> shippedAnnouncements = new ArrayList<>();

        @Override
        public boolean announceShipped(ScoringPolicy shipped, String addedBy, Instant at, OutboxEntry published) {
            if (!shippedAnnouncements.isEmpty()) {
                return false;
            }
            shippedAnnouncements.add(published);
            return true;
        }

        @Override
        public boolean restore(ScoringPolicy policy, String addedBy, Instant addedAt) {
            if (added.stream().anyMatch(p -> p.version().equals(policy.version()))) {
                return false;
            }
            added.add(policy);
            return true;
        }

        @Override
        public List<AwaitingRescore> awaitingRescore() {
            return added.stream().filter(p -> awaiting.containsKey(p.version()))
                    .map(p -> new AwaitingRescore(p.version(), p.effectiveFrom())).toList();
        }

        @Override
        public void rescored(List<String> versions, Instant at) {
            versions.forEach(awaiting::remove);
        }
    }

    public static final class Circulars implements CircularStore {
        public final Map<String, PublishedCircular> bySeries = new TreeMap<>();
        public final Map<String, Integer> versions = new TreeMap<>();

        @Override
        public void published(PublishedCircular circular, int version) {
            if (versions.getOrDefault(circular.seriesId(), 0) < version) {
                bySeries.put(circular.seriesId(), circular);
                versions.put(circular.seriesId(), version);
            }
        }

        @Override
        public List<PublishedCircular> all() {
            return List.copyOf(bySeries.values());
        }
    }

    /** The generation pointer in memory: no cache, so {@link #current()} is {@link #read()}. */
    public static final class Generations implements cn.gov.eqq.govinfo.scoring.shared.application.Generations {
        public GenerationPointer pointer = GenerationPointer.initial(0);
        public final java.util.Set<Long> stored = new java.util.TreeSet<>(java.util.Set.of(0L));

        @Override
        public GenerationPointer read() {
            return pointer;
        }

        @Override
        public GenerationPointer current() {
            return pointer;
        }

        @Override
        public boolean replace(GenerationPointer expected, GenerationPointer next) {
            if (pointer.revision() != expected.revision()) {
                return false;
            }
            pointer = next;
            return true;
        }

        @Override
        public void whenLiveChanges(Runnable action) {
        }

        @Override
        public void create(long generation) {
            stored.add(generation);
        }

        @Override
        public void drop(long generation) {
            stored.remove(generation);
        }

        @Override
        public java.util.Set<Long> stored() {
            return java.util.Set.copyOf(stored);
        }
    }
}
