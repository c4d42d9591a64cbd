package cn.gov.eqq.govinfo.reporting.facts.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A read-only bundle of what the other services told reporting, as one composition needs it: the facts of intake,
 * adoption-tracking and commission-tasking, and the item scores that scoring published.
 */
public record Facts(List<UnitFact> units, List<ItemFact> items, List<AdoptionFact> adoptions,
                    List<CommissionFact> commissions, List<ItemScore> itemScores) {

    public Facts {
        units = List.copyOf(units);
        items = List.copyOf(items);
        adoptions = List.copyOf(adoptions);
        commissions = List.copyOf(commissions);
        itemScores = itemScores == null ? List.of() : List.copyOf(itemScores);
    }

    /** Facts before scoring has published any item score. */
    public Facts(List<UnitFact> units, List<ItemFact> items, List<AdoptionFact> adoptions,
                 List<CommissionFact> commissions) {
        this(units, items, adoptions, commissions, List.of());
    }

    public Map<String, UnitFact> unitsById() {
        return units.stream().collect(Collectors.toMap(UnitFact::id, Function.identity(), (a, b) -> b));
    }

    public Map<String, ItemFact> itemsById() {
        return items.stream().collect(Collectors.toMap(ItemFact::id, Function.identity(), (a, b) -> b));
    }

    /** Scoring's latest decision per item; an item missing here has not been scored yet. */
    public Map<String, ItemScore> scoresByItem() {
        return itemScores.stream().collect(Collectors.toMap(ItemScore::itemId, Function.identity(),
                (a, b) -> b.newerThan(a) ? b : a));
    }

    public Optional<UnitFact> unit(String id) {
        return Optional.ofNullable(unitsById().get(id));
    }

    public String unitName(String id) {
        return unit(id).map(UnitFact::name).orElse(id);
    }

    /** The same facts with other units (e.g. one unit's statistics). */
    public Facts withUnits(List<UnitFact> only) {
        return new Facts(only, items, adoptions, commissions, itemScores);
    }
}
