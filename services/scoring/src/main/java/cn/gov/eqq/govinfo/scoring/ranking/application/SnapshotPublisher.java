package cn.gov.eqq.govinfo.scoring.ranking.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.rules.domain.Ranking;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitPeriodScore;

import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Publishes each dirty (period, group) once it has been quiet for a moment (a burst of events yields one snapshot
 * per key), with the next {@code snapshotVersion}. The snapshot goes into the outbox of the key's own document in
 * the same update that raises the version, and the platform's relay publishes it: a crash cannot lose it nor
 * publish a version that was not stored.
 */
public class SnapshotPublisher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    private static final String PRODUCER = "scoring";

    private final SnapshotStore snapshots;
    private final ScoreQueries queries;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration quiet;
    private final Duration maxDelay;
    private volatile ReportingPeriod lastSeenMonth;
    private volatile long restUntil = System.nanoTime();

    private static final long REST_FACTOR = 3;

    /**
     * Keys this replica has seen with a published version: only a shortcut past the store's look-up, sound because a
     * key's version never goes back to 0 (a replay marks keys dirty, it does not reset them).
     */
    private final Set<SnapshotStore.Key> knownPublished = ConcurrentHashMap.newKeySet();

    /**
     * @param quiet    how long a key must go unmarked before it is published ({@code govinfo.scoring.publish-quiet})
     * @param maxDelay how long a key that keeps being marked waits at most ({@code govinfo.scoring.publish-max-delay})
     */
    public SnapshotPublisher(SnapshotStore snapshots, ScoreQueries queries, EventCodec codec, OutboxRelay relay,
                             Clock clock, Duration quiet, Duration maxDelay) {
        this.snapshots = snapshots;
        this.queries = queries;
        this.codec = codec;
        this.relay = relay;
        this.clock = clock;
        this.quiet = quiet;
        this.maxDelay = maxDelay;
    }

    /**
     * The running month's lane, run every {@code govinfo.scoring.publish-interval} on a thread of its own: what the
     * room and the units watch at a month's end, and small (one month's entries). It never waits behind
     * {@link #tick()}, whose pass over a year's entries after an import takes seconds.
     */
    public void tickRunningMonth() {
        try {
            kickIfStored(publishRunningMonth());
        } catch (RuntimeException e) {
            log.warn("ranking snapshot pass (running month) failed, will retry: {}", e.toString());
        }
    }

    /**
     * The other lane, run every {@code govinfo.scoring.publish-interval} by the scheduling adapter: every due key
     * but the running month's (those are {@link #tickRunningMonth()}'s), then a rest in proportion to the pass.
     */
    public void tick() {
        long start = System.nanoTime();
        if (start - restUntil < 0) {
            return;
        }
        try {
            markEndedMonth();
            ReportingPeriod running = ReportingPeriod.monthOf(clock.instant());
            kickIfStored(publishDue(key -> !key.period().equals(running), true));
        } catch (RuntimeException e) {
            log.warn("ranking snapshot pass failed, will retry: {}", e.toString());
        } finally {
            // A pass reads every entry of the dirty periods; under a sustained stream with a large year it ran back
            // to back and kept the database from the ingestion (profiled: docs/performance.md). Resting REST_FACTOR
            // times as long as the pass took bounds the publisher to a quarter of the time; small passes rest ms.
            restUntil = System.nanoTime() + REST_FACTOR * (System.nanoTime() - start);
        }
    }

    private void kickIfStored(int stored) {
        if (stored > 0) {
            relay.kick();
        }
    }

    /** Only for tests: behave as after a pass that took {@code passTime}. */
    void restAsAfter(Duration passTime) {
        restUntil = System.nanoTime() + REST_FACTOR * passTime.toNanos();
    }

    /**
     * A month that has just ended starts costing its shortfall: its rankings change without any event. The month
     * counts as handled only once its keys are marked: while no unit is known yet (a fresh start, before the unit
     * topic is read) there is no group to mark, and the next tick tries again.
     */
    void markEndedMonth() {
        ReportingPeriod month = ReportingPeriod.monthOf(clock.instant());
        ReportingPeriod seen = lastSeenMonth;
        if (month.equals(seen)) {
            return;
        }
        List<Integer> groups = queries.groups();
        if (groups.isEmpty()) {
            return;
        }
        // after a (re)start the previous month is marked too: the service may have been down when it ended
        ReportingPeriod ended = seen == null ? previous(month) : seen;
        Set<SnapshotStore.Key> keys = new LinkedHashSet<>();
        for (ReportingPeriod p : ended.withEnclosing()) {
            groups.forEach(g -> keys.add(new SnapshotStore.Key(p, g)));
        }
        snapshots.markDirty(keys, Instant.now());
        lastSeenMonth = month;
    }

    /**
     * Every group of every period of a year that is about to be published is published too, if it never was: a
     * group with no event of its own in a period (nothing submitted, nothing adopted), and a month in which no unit
     * sent anything at all, still have a ranking — every unit short of its quota — that reporting and the dashboard
     * must receive. Periods that have not begun yet (by the business clock) are left for their time.
     */
    private void markGroupsNeverPublished(List<SnapshotStore.Dirty> due, Set<SnapshotStore.Key> dirtyKeys,
                                          Instant now) {
        Set<Integer> years = new LinkedHashSet<>();
        due.forEach(d -> years.add(d.key().period().year()));
        if (years.isEmpty()) {
            return;
        }
        Set<ReportingPeriod> periods = new LinkedHashSet<>();
        ReportingPeriod running = ReportingPeriod.monthOf(clock.instant());
        for (int year : years) {
            for (ReportingPeriod month : ReportingPeriod.year(year).months()) {
                if (month.compareTo(running) <= 0) {
                    periods.addAll(month.withEnclosing());
                }
            }
        }
        Set<SnapshotStore.Key> missing = new LinkedHashSet<>();
        List<Integer> groups = queries.groups();
        for (ReportingPeriod p : periods) {
            for (int g : groups) {
                SnapshotStore.Key key = new SnapshotStore.Key(p, g);
                if (dirtyKeys.contains(key) || knownPublished.contains(key)) {
                    continue;
                }
                if (snapshots.versionOf(key) == 0) {
                    missing.add(key);
                } else {
                    knownPublished.add(key);
                }
            }
        }
        snapshots.markDirty(missing, now);
    }

    private static ReportingPeriod previous(ReportingPeriod month) {
        return month.index() == 1 ? ReportingPeriod.month(month.year() - 1, 12)
                : ReportingPeriod.month(month.year(), month.index() - 1);
    }

    /** Publishes every key that is due; returns how many snapshots were stored for publication. */
    public int publishDue() {
        return publishDue(key -> true, true);
    }

    /** Publishes the due keys of the running month (by the business clock) only. */
    int publishRunningMonth() {
        ReportingPeriod running = ReportingPeriod.monthOf(clock.instant());
        return publishDue(key -> key.period().equals(running), false);
    }

    /**
     * @param which          the keys to look at
     * @param completeYears  also mark the groups and periods of a due key's year that were never published
     */
    private int publishDue(Predicate<SnapshotStore.Key> which, boolean completeYears) {
        // debouncing runs on wall-clock time; the (possibly fixed) business clock only decides which day it is
        Instant now = Instant.now();
        int stored = 0;
        List<SnapshotStore.Dirty> dirty = snapshots.dirty();
        log.trace("{} dirty ranking keys", dirty.size());
        List<SnapshotStore.Dirty> due = new ArrayList<>();
        for (SnapshotStore.Dirty d : dirty) {
            boolean quietNow = !d.lastMarkedAt().plus(quiet).isAfter(now);
            boolean waitedLong = d.firstMarkedAt() != null && !d.firstMarkedAt().plus(maxDelay).isAfter(now);
            if ((quietNow || waitedLong) && which.test(d.key())) {
                due.add(d);
            }
        }
        if (completeYears) {
            markGroupsNeverPublished(due, dirty.stream().map(SnapshotStore.Dirty::key).collect(Collectors.toSet()),
                    now);
        }
        // every due key of the pass from one read of the entries
        Map<SnapshotStore.Key, Ranking> rankings = queries.rankings(due.stream().map(SnapshotStore.Dirty::key).toList());
        for (SnapshotStore.Dirty d : due) {
            Ranking ranking = rankings.get(d.key());
            RankingSnapshotPublished snapshot = toSnapshot(ranking, d.version() + 1, now);
            EventEnvelope<RankingSnapshotPublished> envelope = EventEnvelope.wrap(snapshot, PRODUCER, now);
            if (snapshots.published(d, OutboxEntry.of(envelope, Topics.RANKINGS, codec))) {
                log.debug("snapshot {} v{} stored for publication", d.key().id(), d.version() + 1);
                stored++;
            }
        }
        return stored;
    }

    static RankingSnapshotPublished toSnapshot(Ranking ranking, long version, Instant now) {
        List<RankingRow> rows = ranking.lines().stream().map(l -> {
            UnitPeriodScore s = l.score();
            return new RankingRow(l.rank(), s.unitId(), s.unitName(), s.points(), s.submissionPoints(),
                    s.forwardPoints(), s.adoptionPoints(), s.commissionPoints(), s.deductionPoints(),
                    s.receivedItems(), s.quota(), s.shortfall());
        }).toList();
        ReportingPeriod p = ranking.period();
        return new RankingSnapshotPublished(p.toString(), p.type().name(), ranking.group(), version, now,
                String.join(",", ranking.policyVersions()), rows);
    }
}
