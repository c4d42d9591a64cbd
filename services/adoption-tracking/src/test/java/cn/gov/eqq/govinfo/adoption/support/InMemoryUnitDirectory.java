package cn.gov.eqq.govinfo.adoption.support;

import cn.gov.eqq.govinfo.adoption.unit.application.UnitDirectory;
import cn.gov.eqq.govinfo.adoption.unit.domain.ReportingUnit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public class InMemoryUnitDirectory implements UnitDirectory {

    private final Map<String, String> names = new LinkedHashMap<>();

    public InMemoryUnitDirectory with(String unitId, String name) {
        names.put(unitId, name);
        return this;
    }

    @Override
    public synchronized void apply(ReportingUnit unit) {
        names.put(unit.unitId(), unit.name());
    }

    @Override
    public synchronized Optional<String> nameOf(String unitId) {
        return Optional.ofNullable(names.get(unitId));
    }

    @Override
    public synchronized Optional<String> idOf(String idOrName) {
        if (names.containsKey(idOrName)) {
            return Optional.of(idOrName);
        }
        return names.entrySet().stream().filter(e -> e.getValue().equals(idOrName)).map(Map.Entry::getKey)
                .findFirst();
    }
}
