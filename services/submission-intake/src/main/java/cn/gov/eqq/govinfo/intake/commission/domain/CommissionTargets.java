package cn.gov.eqq.govinfo.intake.commission.domain;

import java.util.Set;

/** A commission (约稿) as intake knows it from commission-tasking: its title and the units it was sent to. */
public record CommissionTargets(String commissionId, String title, Set<String> unitIds) {

    public CommissionTargets {
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
    }

    public boolean sentTo(String unitId) {
        return unitIds.contains(unitId);
    }
}
