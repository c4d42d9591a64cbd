package cn.gov.eqq.govinfo.commission.tasking.application;

import java.util.Optional;

/** The reporting units as submission-intake tells them (a local copy of its compacted unit topic). */
public interface UnitDirectory {

    record Unit(String unitId, String name, int group, boolean active) {
    }

    Optional<Unit> find(String unitId);

    default boolean isActive(String unitId) {
        return find(unitId).map(Unit::active).orElse(false);
    }

    default String nameOf(String unitId) {
        return find(unitId).map(Unit::name).orElse(unitId);
    }
}
