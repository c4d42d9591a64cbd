package cn.gov.eqq.govinfo.contracts.commission;

import java.time.Instant;

/**
 * A target unit answered a commission with an item (a new item, or a newer revision of one, which must then be
 * judged again). {@code onTime} = {@code answerSubmittedAt} is not after {@code deadline}. Earns nothing by itself:
 * the bonus needs the room's acceptance ({@link CommissionAnswerJudged}).
 */
public record CommissionAnswered(String commissionId, String unitId, String itemId, int revision,
                                 Instant answerSubmittedAt, Instant deadline, boolean onTime)
        implements CommissionEvent {
}
