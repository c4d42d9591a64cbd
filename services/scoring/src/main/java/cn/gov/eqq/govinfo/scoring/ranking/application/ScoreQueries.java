package cn.gov.eqq.govinfo.scoring.ranking.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PeriodScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.rules.domain.Ranking;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitDirectory;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitPeriodScore;


import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.SnapshotStore;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores and rankings, computed from the stored ledger entries and the unit directory, or, for a ranking whose key
 * no fact has marked since its last snapshot, read from that snapshot.
 */
public class ScoreQueries {

    private final ItemScoreStore items;
    private final UnitStore units;
    private final Policies policies;
    private final SnapshotStore snapshots;
    private final EventCodec codec;

    public ScoreQueries(ItemScoreStore items, UnitStore units, Policies policies, SnapshotStore snapshots,
                        EventCodec codec) {
        this.items = items;
        this.units = units;
        this.policies = policies;
        this.snapshots = snapshots;
        this.codec = codec;
    }

    /**
     * The ranking as last published, if no fact has marked its key since: then it equals what {@link #ranking}
     * would compute, because every fact that changes a ranking marks its keys (an event its month, quarter and
     * year; a back-dated policy version, membership change or correction every period it reaches; the end of a
     * month the month's keys) before a read can see the change. A read costs one document instead of the period's
     * ledger of the whole group (docs/performance.md). Empty when the key is marked or was never published.
     */
    public Optional<RankingSnapshotPublished> keptRanking(int group, ReportingPeriod period) {
        return snapshots.kept(new SnapshotStore.Key(period, group))
                .filter(kept -> !kept.dirty())
                .map(kept -> (RankingSnapshotPublished) codec.decode(kept.snapshotJson()).payload());
    }

    public UnitPeriodScore unitScore(String unitId, ReportingPeriod period) {
        Unit unit = units.find(unitId).orElse(null);
        List<LedgerEntry> entries = items.entriesOf(List.of(unitId), period.months());
        return PeriodScoring.unitScore(unitId, unit, period, entries, policies.history(), policies.today());
    }

    public Ranking ranking(int group, ReportingPeriod period) {
        return ranking(group, period, units.directory(), policies.history());
    }

    Ranking ranking(int group, ReportingPeriod period, UnitDirectory directory, PolicyHistory history) {
        List<String> unitIds = directory.rankedIn(group, period).stream().map(Unit::unitId).toList();
        Map<String, List<LedgerEntry>> byUnit = new HashMap<>();
        for (LedgerEntry e : items.entriesOf(unitIds, period.months())) {
            byUnit.computeIfAbsent(e.unitId(), u -> new ArrayList<>()).add(e);
        }
        return PeriodScoring.rank(group, period, directory, byUnit, history, policies.today());
    }

    /**
     * The rankings of several (period, group) keys from one read of their entries, so that a publishing pass does
     * not read a group's month, quarter and year entries once for each of them (profiled: docs/performance.md).
     */
    public Map<SnapshotStore.Key, Ranking> rankings(Collection<SnapshotStore.Key> keys) {
        Map<SnapshotStore.Key, Ranking> out = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        UnitDirectory directory = units.directory();
        PolicyHistory history = policies.history();
        Set<String> unitIds = new LinkedHashSet<>();
        Set<ReportingPeriod> months = new TreeSet<>();
        for (SnapshotStore.Key key : keys) {
            directory.rankedIn(key.group(), key.period()).forEach(u -> unitIds.add(u.unitId()));
            months.addAll(key.period().months());
        }
        Map<String, List<LedgerEntry>> byUnit = new HashMap<>();
        for (LedgerEntry e : items.entriesOf(unitIds, months)) {
            byUnit.computeIfAbsent(e.unitId(), u -> new ArrayList<>()).add(e);
        }
        LocalDate today = policies.today();
        // a unit's entries outside a key's period are left out by PeriodScoring itself
        keys.forEach(key -> out.put(key, PeriodScoring.rank(key.group(), key.period(), directory, byUnit, history,
                today)));
        return out;
    }

    public List<Integer> groups() {
        return units.directory().groups();
    }
}
