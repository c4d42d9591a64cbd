package cn.gov.eqq.govinfo.scoring.shared.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: one record per (period, group) holding the last published snapshot version, a dirty mark and the outbox of
 * snapshots waiting to be published.
 */
public interface SnapshotStore {

    record Key(ReportingPeriod period, int group) {
        public String id() {
            return period + "|" + group;
        }

        /** Every month from {@code from} to {@code lastMonth}, with its quarter and year, for each of the groups. */
        public static Set<Key> monthsFrom(ReportingPeriod from, ReportingPeriod lastMonth, Collection<Integer> groups) {
            Set<Key> keys = new LinkedHashSet<>();
            for (ReportingPeriod month = from; month.compareTo(lastMonth) <= 0; month = month.next()) {
                for (ReportingPeriod p : month.withEnclosing()) {
                    groups.forEach(g -> keys.add(new Key(p, g)));
                }
            }
            return keys;
        }
    }

    /** A key waiting to be published: {@code generation} counts the marks, so a mark during publication is kept. */
    record Dirty(Key key, long version, long generation, Instant lastMarkedAt, Instant firstMarkedAt) {
    }

    void markDirty(Key key, Instant now);

    /** Marks several keys at once (an event touches a month, its quarter and its year); a store may batch them. */
    default void markDirty(Collection<Key> keys, Instant now) {
        keys.forEach(k -> markDirty(k, now));
    }

    void markAllDirty(Instant now);

    List<Dirty> dirty();

    /**
     * Stores snapshot {@code dirty.version() + 1} with its outbox entry (one single-document update conditional on
     * the version read) and clears the mark unless a newer mark arrived meanwhile.
     *
     * @return false if another publisher got there first
     */
    boolean published(Dirty dirty, OutboxEntry entry);

    long versionOf(Key key);

    /**
     * The snapshot last stored for publication under a key, as the encoded event, and whether a fact has marked the
     * key since: kept state that answers a ranking read without reading the period's ledger.
     */
    record Kept(long version, boolean dirty, String snapshotJson) {
    }

    /** The key's kept snapshot; empty when none was published yet (or it was stored before snapshots were kept). */
    Optional<Kept> kept(Key key);
}
