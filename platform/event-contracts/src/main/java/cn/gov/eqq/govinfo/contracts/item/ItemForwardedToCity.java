package cn.gov.eqq.govinfo.contracts.item;

import java.time.Instant;

/** The room forwarded a received item to the city government (转报市政府): +2 in the period of the forward. */
public record ItemForwardedToCity(String itemId, String unitId, Instant forwardedAt, String forwardedBy)
        implements ItemEvent {
}
