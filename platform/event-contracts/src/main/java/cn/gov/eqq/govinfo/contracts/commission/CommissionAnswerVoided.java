package cn.gov.eqq.govinfo.contracts.commission;

import java.time.Instant;

/** The room voided the item that answered a commission: the answer no longer counts, any judgement included. */
public record CommissionAnswerVoided(String commissionId, String unitId, String itemId, String reason,
                                     Instant voidedAt) implements CommissionEvent {
}
