package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemFactChange;

import java.util.Objects;

/**
 * Command of {@link ItemFactsUpdating}: what intake said of one item.
 *
 * @param eventId the id of intake's event, remembered with the item so that a redelivery changes nothing
 */
public record UpdateItemFacts(String eventId, String itemId, ItemFactChange change) {

    public UpdateItemFacts {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(change, "change");
    }
}
