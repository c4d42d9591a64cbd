package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.adoption.importing.domain.ItemDirectory;
import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;
import cn.gov.eqq.govinfo.adoption.unit.application.UnitDirectory;

import java.util.List;
import java.util.Optional;

/** The import's view of items and units: what intake's events told us. */
public class StoreBackedItemDirectory implements ItemDirectory {

    private final ItemAdoptionsStore items;
    private final UnitDirectory units;

    public StoreBackedItemDirectory(ItemAdoptionsStore items, UnitDirectory units) {
        this.items = items;
        this.units = units;
    }

    @Override
    public Optional<ItemFacts> item(String itemId) {
        return items.load(itemId).map(l -> l.item().facts()).filter(f -> f.unitId() != null);
    }

    @Override
    public List<String> itemsOf(String unitId, String title) {
        return items.itemIdsOf(unitId, title);
    }

    @Override
    public Optional<String> unitId(String idOrName) {
        return units.idOf(idOrName);
    }
}
