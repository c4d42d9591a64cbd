package cn.gov.eqq.govinfo.scoring.shared.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.scoring.rules.domain.Membership;
import cn.gov.eqq.govinfo.scoring.rules.domain.Unit;

/**
 * Translates the unit contract into scoring's unit, its membership history included. Also used by the unit store
 * to read a unit stored before memberships were kept the way the contract reads such a record.
 */
public final class UnitTranslation {

    private UnitTranslation() {
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
