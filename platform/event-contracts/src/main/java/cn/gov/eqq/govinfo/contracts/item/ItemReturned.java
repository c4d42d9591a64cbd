package cn.gov.eqq.govinfo.contracts.item;

import java.time.Instant;

/** The room sent a submitted revision back for revision (退回修改) with its opinion. */
public record ItemReturned(String itemId, String unitId, int revision, String opinion, Instant returnedAt,
                           String returnedBy) implements ItemEvent {
}
