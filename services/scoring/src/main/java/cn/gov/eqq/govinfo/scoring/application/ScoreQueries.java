package cn.gov.eqq.govinfo.scoring.application;

import cn.gov.eqq.govinfo.scoring.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.domain.Period;
import cn.gov.eqq.govinfo.scoring.domain.PeriodScoring;
import cn.gov.eqq.govinfo.scoring.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.domain.Ranking;
import cn.gov.eqq.govinfo.scoring.domain.Unit;
import cn.gov.eqq.govinfo.scoring.domain.UnitDirectory;
import cn.gov.eqq.govinfo.scoring.domain.UnitPeriodScore;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scores and rankings, computed from the stored ledger entries and the unit directory. */
@Service
public class ScoreQueries {

    private final ItemScoreStore items;
    private final UnitStore units;
    private final Policies policies;

    public ScoreQueries(ItemScoreStore items, UnitStore units, Policies policies) {
        this.items = items;
        this.units = units;
        this.policies = policies;
    }

    public UnitPeriodScore unitScore(String unitId, Period period) {
        Unit unit = units.find(unitId).orElse(null);
        List<LedgerEntry> entries = items.entriesOf(List.of(unitId), period.months());
        return PeriodScoring.unitScore(unitId, unit, period, entries, policies.history(), policies.today());
    }

    public Ranking ranking(int group, Period period) {
        return ranking(group, period, units.directory(), policies.history());
    }

    Ranking ranking(int group, Period period, UnitDirectory directory, PolicyHistory history) {
        List<String> unitIds = directory.rankedIn(group).stream().map(Unit::unitId).toList();
        Map<String, List<LedgerEntry>> byUnit = new HashMap<>();
        for (LedgerEntry e : items.entriesOf(unitIds, period.months())) {
            byUnit.computeIfAbsent(e.unitId(), u -> new ArrayList<>()).add(e);
        }
        return PeriodScoring.rank(group, period, directory, byUnit, history, policies.today());
    }

    public List<Integer> groups() {
        return units.directory().groups();
    }
}
