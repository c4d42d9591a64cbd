package cn.gov.eqq.govinfo.scoring.shared.application;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.rules.domain.Membership;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;

/** Translates the unit contract into scoring's unit, its membership history included. */
public final class UnitFacts {

    private UnitFacts() {
    }

    /**
     * The unit a {@code UnitChanged} describes. A record published before memberships were kept reads with the
     * history the contract derives for it ({@link UnitChanged#history()}).
     */
    public static Unit unitOf(UnitChanged e) {
        return new Unit(e.unitId(), e.name(), e.group(), e.active(), e.changedAt(), e.history().stream()
                .map(m -> new Membership(m.group(), ReportingPeriod.parse(m.fromMonth()),
                        m.untilMonth() == null ? null : ReportingPeriod.parse(m.untilMonth())))
                .toList());
    }
}
