package cn.gov.eqq.govinfo.scoring.domain;

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

    /** Active units of a group, by unit id: the units a ranking lists. */
    public List<Unit> rankedIn(int group) {
        return units.values().stream().filter(u -> u.active() && u.group() == group)
                .sorted(Comparator.comparing(Unit::unitId)).toList();
    }

    public List<Integer> groups() {
        return units.values().stream().map(Unit::group).distinct().sorted().toList();
    }

    public Collection<Unit> all() {
        return units.values();
    }
}
