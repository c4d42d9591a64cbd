package cn.gov.eqq.govinfo.contracts.commission;

import java.time.Instant;

/**
 * The room judged a unit's answer (an item linked to the commission). Scoring awards the commission bonus when
 * {@code accepted} and {@code answerSubmittedAt} is not after {@code deadline}; it lands in the period of
 * {@code answerSubmittedAt}. A later judgement of the same answer replaces an earlier one.
 */
public record CommissionAnswerJudged(String commissionId, String unitId, String itemId, Instant answerSubmittedAt,
                                     Instant deadline, boolean accepted, String reason, String judgedBy,
                                     Instant judgedAt) implements CommissionEvent {
}
