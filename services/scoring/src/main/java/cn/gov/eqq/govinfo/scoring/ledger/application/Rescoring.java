package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyStore;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;

import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Scores every stored item again after a policy version was added, because a version may reach back into the past:
 * an item's stored entries were derived under the history without it. Items whose entries change are written
 * (conditional on their version, retried on a concurrent write) and their rankings marked dirty; every (month,
 * quarter, year) × group from the version's date to today is marked too, since quotas and deductions follow the
 * version even for units without items. An item whose published score changes ({@code ItemScored}: lines, readings,
 * labels) is published again with its next {@code scoreVersion}. The version's mark in the store is cleared only
 * when the pass is done, so a pass cut short by a crash runs again on any replica; scoring is a pure function of the
 * facts, so running it twice changes nothing.
 */
public class Rescoring {

    /**
     * How long after this replica first saw a version waiting it is acted on: every replica's cached history
     * ({@link Policies}) holds the version by then, so no item is scored under the older history afterwards. Only
     * the start of that wait is kept in memory; a restart merely waits again.
     */
    private final Duration settle;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private static final int PAGE = 500;
    private static final int ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(Rescoring.class);

    private final PolicyStore policyStore;
    private final Policies policies;
    private final ItemScoreStore items;
    private final UnitStore units;
    private final SnapshotStore snapshots;
    private final EventIngestion ingestion;
    private final BooleanSupplier rebuilding;
    private final Clock clock;
    private final ItemScores scores;

    /**
     * @param settle how long a waiting version is left to reach every replica's cached history
     *               ({@code govinfo.scoring.rescore-settle})
     * @param rebuilding  whether a rebuild is under way on any replica ({@link Replay#building()}): the versions
     *                    wait, and are scored again in the new generation once it is live (docs/adr/0021)
     */
    public Rescoring(PolicyStore policyStore, Policies policies, ItemScoreStore items, UnitStore units,
                     SnapshotStore snapshots, EventIngestion ingestion, BooleanSupplier rebuilding, Clock clock,
                     Duration settle, ItemScores scores) {
        this.scores = scores;
        this.settle = settle;
        this.policyStore = policyStore;
        this.policies = policies;
        this.items = items;
        this.units = units;
        this.snapshots = snapshots;
        this.ingestion = ingestion;
        this.rebuilding = rebuilding;
        this.clock = clock;
    }

    /** One look for waiting versions, run every {@code govinfo.scoring.rescore-interval} by the scheduling adapter. */
    public void tick() {
        if (rebuilding.getAsBoolean()) {
            return; // items folded into the new generation before the version settled are scored again once it is live
        }
        try {
            rescorePending();
        } catch (RuntimeException e) {
            log.warn("re-scoring after a policy version failed; it runs again", e);
        }
    }

    /** @return the versions whose periods were scored again (empty when none was waiting) */
    public List<String> rescorePending() {
        long now = System.nanoTime();
        List<PolicyStore.AwaitingRescore> waiting = policyStore.awaitingRescore().stream()
                .filter(w -> now - firstSeen.computeIfAbsent(w.version(), v -> now) >= settle.toNanos())
                .toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        PolicyHistory history = policies.fresh();
        int changed = 0;
        String after = null;
        List<StoredItem> page;
        while (!(page = items.page(after, PAGE)).isEmpty()) {
            List<EventIngestion.Change> changes = new ArrayList<>();
            for (StoredItem item : page) {
                rescore(item, history).ifPresent(changes::add);
            }
            ingestion.markDirty(changes);
            changed += changes.size();
            after = page.get(page.size() - 1).facts().itemId();
        }
        LocalDate from = waiting.stream().map(PolicyStore.AwaitingRescore::effectiveFrom)
                .min(Comparator.naturalOrder()).orElseThrow();
        markFrom(from);
        List<String> versions = waiting.stream().map(PolicyStore.AwaitingRescore::version).toList();
        policyStore.rescored(versions, clock.instant());
        versions.forEach(firstSeen::remove);
        log.info("policy versions {}: {} items scored again, periods from {} marked", versions, changed, from);
        return versions;
    }

    private Optional<EventIngestion.Change> rescore(StoredItem item, PolicyHistory history) {
        StoredItem current = item;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<LedgerEntry> entries = ItemScoring.score(current.facts(), history);
            ItemScoreStore.Publication publication = scores.next(new ItemScores.PublishScore(current,
                    current.facts(), entries, history, items::replayGeneration));
            if (entries.equals(current.entries()) && publication.entry() == null) {
                return Optional.empty();
            }
            if (items.save(current.facts(), entries, current.version(), publication)) {
                if (publication.entry() != null) {
                    scores.written();
                }
                return Optional.of(new EventIngestion.Change(current.entries(), entries));
            }
            current = items.find(item.facts().itemId()).orElseThrow(); // an event arrived meanwhile: read again
        }
        throw new IllegalStateException("item " + item.facts().itemId() + " kept changing during re-scoring");
    }

    /** Quotas and deductions follow the version for every unit: each period from its month to today is published. */
    private void markFrom(LocalDate from) {
        ReportingPeriod thisMonth = ReportingPeriod.monthOf(BeijingTime.dateOf(clock.instant()));
        snapshots.markDirty(SnapshotStore.Key.monthsFrom(ReportingPeriod.monthOf(from), thisMonth,
                units.directory().groups()), clock.instant());
    }
}
