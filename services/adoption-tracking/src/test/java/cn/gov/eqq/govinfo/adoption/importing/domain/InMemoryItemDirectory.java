package cn.gov.eqq.govinfo.adoption.importing.domain;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fake of the directory port: items and units held in maps. */
public class InMemoryItemDirectory implements ItemDirectory {

    private final Map<String, ItemFacts> items = new LinkedHashMap<>();
    private final Map<String, String> unitNames = new LinkedHashMap<>();

    public InMemoryItemDirectory unit(String id, String name) {
        unitNames.put(id, name);
        return this;
    }

    public InMemoryItemDirectory received(String itemId, String unitId, String title) {
        items.put(itemId, new ItemFacts(unitId, title, true, false, false, false));
        return this;
    }

    public InMemoryItemDirectory put(String itemId, ItemFacts facts) {
        items.put(itemId, facts);
        return this;
    }

    @Override
    public Optional<ItemFacts> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    @Override
    public List<String> itemsOf(String unitId, String title) {
        return items.entrySet().stream()
                .filter(e -> unitId.equals(e.getValue().unitId()) && title.equals(e.getValue().title()))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public Optional<String> unitId(String idOrName) {
        if (unitNames.containsKey(idOrName)) {
            return Optional.of(idOrName);
        }
        return unitNames.entrySet().stream().filter(e -> e.getValue().equals(idOrName)).map(Map.Entry::getKey)
                .findFirst();
    }
}
