package cn.gov.eqq.govinfo.scoring.policy.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFacts;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.PeriodScoring;
import cn.gov.eqq.govinfo.scoring.rules.domain.PolicyHistory;
import cn.gov.eqq.govinfo.scoring.rules.domain.Ranking;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitDirectory;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitPeriodScore;


import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes a period under a draft policy version (which replaces the rules from its effective date on) and
 * compares it with the rules in force, unit by unit. Nothing is stored or published.
 */
public class WhatIf {

    public record UnitDifference(String unitId, String unitName, int group, int currentPoints, int draftPoints,
                                 int difference, int currentRank, int draftRank) {
    }

    public record Result(ReportingPeriod period, String draftVersion, List<UnitDifference> units) {
    }

    private final ItemScoreStore items;
    private final UnitStore units;
    private final Policies policies;

    public WhatIf(ItemScoreStore items, UnitStore units, Policies policies) {
        this.items = items;
        this.units = units;
        this.policies = policies;
    }

    public Result compare(ScoringPolicy draft, ReportingPeriod period, Integer onlyGroup) {
        PolicyHistory current = policies.history();
        PolicyHistory drafted = current.withDraft(draft);
        List<ItemFacts> facts = items.factsTouching(period.months());
        UnitDirectory directory = units.directory();
        List<UnitDifference> out = new ArrayList<>();
        for (int group : directory.groups()) {
            if (onlyGroup != null && onlyGroup != group) {
                continue;
            }
            Map<String, Ranking.Line> before = lines(rank(group, period, directory, facts, current));
            Map<String, Ranking.Line> after = lines(rank(group, period, directory, facts, drafted));
            for (Map.Entry<String, Ranking.Line> e : before.entrySet()) {
                UnitPeriodScore b = e.getValue().score();
                Ranking.Line a = after.get(e.getKey());
                out.add(new UnitDifference(b.unitId(), b.unitName(), group, b.points(), a.score().points(),
                        a.score().points() - b.points(), e.getValue().rank(), a.rank()));
            }
        }
        out.sort(Comparator.comparingInt(UnitDifference::group).thenComparing(UnitDifference::unitId));
        return new Result(period, draft.version(), out);
    }

    private Ranking rank(int group, ReportingPeriod period, UnitDirectory directory, List<ItemFacts> facts,
                         PolicyHistory history) {
        Map<String, List<LedgerEntry>> byUnit = new HashMap<>();
        for (ItemFacts f : facts) {
            for (LedgerEntry e : ItemScoring.score(f, history)) {
                byUnit.computeIfAbsent(e.unitId(), u -> new ArrayList<>()).add(e);
            }
        }
        return PeriodScoring.rank(group, period, directory, byUnit, history, policies.today());
    }

    private static Map<String, Ranking.Line> lines(Ranking ranking) {
        Map<String, Ranking.Line> byUnit = new HashMap<>();
        ranking.lines().forEach(l -> byUnit.put(l.score().unitId(), l));
        return byUnit;
    }
}
