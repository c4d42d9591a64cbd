package cn.gov.eqq.govinfo.contracts.commission;

import java.time.Instant;

/** The deadline passed and a target unit had sent no answer (told once per unit, when first noticed). */
public record CommissionOverdue(String commissionId, String unitId, Instant deadline, Instant detectedAt)
        implements CommissionEvent {
}
