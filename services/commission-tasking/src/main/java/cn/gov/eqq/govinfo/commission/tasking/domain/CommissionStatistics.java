package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-unit commission figures over a set of commissions (the circular's period is chosen by the caller). */
public final class CommissionStatistics {

    /** @param scored scoring's bonus decisions by answer item id (the items it has not scored are absent) */
    public static List<UnitTally> tally(Collection<Commission> commissions, Instant now,
                                        Map<String, ScoredBonus> scored) {
        Map<String, UnitTally> byUnit = new TreeMap<>();
        for (Commission c : commissions) {
            for (UnitOutcome o : c.outcomes(now)) {
                int bonus = c.bonusItemsOf(o.unitId(), scored);
                byUnit.merge(o.unitId(), UnitTally.empty(o.unitId()).plus(o, bonus),
                        (old, ignored) -> old.plus(o, bonus));
            }
        }
        return List.copyOf(byUnit.values());
    }

    private CommissionStatistics() {
    }
}
