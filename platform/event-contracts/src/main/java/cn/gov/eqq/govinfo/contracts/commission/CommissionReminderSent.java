package cn.gov.eqq.govinfo.contracts.commission;

import java.time.Instant;

/**
 * A target unit that had not answered was reminded: an in-portal notice, plus an e-mail when {@code byEmail}.
 * Once per unit and kind, also across restarts.
 *
 * @param reminderKind {@code BEFORE_3D}, {@code BEFORE_1D} (from the configured schedule) or {@code OVERDUE}
 */
public record CommissionReminderSent(String commissionId, String unitId, String reminderKind, Instant deadline,
                                     Instant sentAt, boolean byEmail) implements CommissionEvent {
}
