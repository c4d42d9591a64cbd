package cn.gov.eqq.govinfo.adoption.unit.application;

import cn.gov.eqq.govinfo.adoption.unit.domain.ReportingUnit;

import java.util.Optional;

/** Port: the reporting units as last told by intake's compacted topic. */
public interface UnitDirectory {

    /** Upserts the unit unless what we hold is newer. */
    void apply(ReportingUnit unit);

    Optional<String> nameOf(String unitId);

    /** A unit id from its id or its Chinese name. */
    Optional<String> idOf(String idOrName);
}
