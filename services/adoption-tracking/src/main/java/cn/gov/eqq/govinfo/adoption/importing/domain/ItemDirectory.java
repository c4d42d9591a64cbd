package cn.gov.eqq.govinfo.adoption.importing.domain;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;

import java.util.List;
import java.util.Optional;

/** Port: the items and units adoption-tracking has heard of from intake. */
public interface ItemDirectory {

    Optional<ItemFacts> item(String itemId);

    /** Ids of the items of a unit with exactly this title. */
    List<String> itemsOf(String unitId, String title);

    /** A unit id from an id or a Chinese name. */
    Optional<String> unitId(String idOrName);
}
