package cn.gov.eqq.govinfo.contracts.item;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;

/**
 * The life of one item of information (一条政务信息), as told by submission-intake on
 * {@link cn.gov.eqq.govinfo.contracts.Topics#ITEMS}. Category names: BRIEF, DYNAMIC, COMPREHENSIVE, PROBLEM,
 * RESEARCH_REPORT (consumers must tolerate a name they do not know).
 */
public sealed interface ItemEvent extends IntegrationEvent
        permits ItemSubmitted, ItemReceived, ItemReturned, ItemVoided, ItemForwardedToCity, ItemCorrected {

    String itemId();

    String unitId();

    @Override
    default String aggregateKey() {
        return itemId();
    }
}
