package cn.gov.eqq.govinfo.contracts.item;

import java.time.Instant;

/** The room voided (作废) an item: it counts nowhere, as if it had never been received. */
public record ItemVoided(String itemId, String unitId, String reason, Instant voidedAt, String voidedBy)
        implements ItemEvent {
}
