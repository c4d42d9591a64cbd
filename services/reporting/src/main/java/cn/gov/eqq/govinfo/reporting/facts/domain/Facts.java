package cn.gov.eqq.govinfo.reporting.facts.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A read-only bundle of what the other services told reporting, as one composition needs it. */
public record Facts(List<UnitFact> units, List<ItemFact> items, List<AdoptionFact> adoptions,
                    List<CommissionFact> commissions) {

    public Facts {
        units = List.copyOf(units);
        items = List.copyOf(items);
        adoptions = List.copyOf(adoptions);
        commissions = List.copyOf(commissions);
    }

    public Map<String, UnitFact> unitsById() {
        return units.stream().collect(Collectors.toMap(UnitFact::id, Function.identity(), (a, b) -> b));
    }

    public Map<String, ItemFact> itemsById() {
        return items.stream().collect(Collectors.toMap(ItemFact::id, Function.identity(), (a, b) -> b));
    }

    public Optional<UnitFact> unit(String id) {
        return Optional.ofNullable(unitsById().get(id));
    }

    public String unitName(String id) {
        return unit(id).map(UnitFact::name).orElse(id);
    }
}
