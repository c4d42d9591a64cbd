package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The units scoring knows of, by id. */
public final class UnitDirectory {

    private final Map<String, Unit> units;

    public UnitDirectory(Collection<Unit> units) {
        Map<String, Unit> byId = new TreeMap<>();
        units.forEach(u -> byId.merge(u.unitId(), u, Unit::newer));
        this.units = java.util.Collections.unmodifiableMap(byId);
    }

    public Optional<Unit> find(String unitId) {
        return Optional.ofNullable(unitId == null ? null : units.get(unitId));
    }

    /**
     * The units a ranking of a group for a period lists, by unit id: those that belonged to the group in at least
     * one month of the period — a unit that has left since, or moved to another group, included.
     */
    public List<Unit> rankedIn(int group, ReportingPeriod period) {
        return units.values().stream().filter(u -> u.memberOf(group, period))
                .sorted(Comparator.comparing(Unit::unitId)).toList();
    }

    /** Every group a unit belongs to or ever belonged to. */
    public List<Integer> groups() {
        return units.values().stream().flatMap(u -> u.groupsEver().stream()).distinct().sorted().toList();
    }

    public Collection<Unit> all() {
        return units.values();
    }
}
