package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Instant;
import java.util.List;

/** What happened to a commission, as the aggregate tells it; the application turns these into integration events. */
public sealed interface CommissionDomainEvent {

    String commissionId();

    record Issued(String commissionId, String title, String requirements, List<String> targetUnitIds,
                  Deadline deadline, String issuedBy, Instant issuedAt) implements CommissionDomainEvent {
    }

    record Answered(String commissionId, String unitId, String itemId, int revision, Instant submittedAt,
                    Deadline deadline, boolean onTime) implements CommissionDomainEvent {
    }

    record AnswerJudged(String commissionId, String unitId, String itemId, Instant submittedAt, Deadline deadline,
                        boolean accepted, String reason, String judgedBy, Instant judgedAt)
            implements CommissionDomainEvent {
    }

    record AnswerVoided(String commissionId, String unitId, String itemId, String reason, Instant voidedAt)
            implements CommissionDomainEvent {
    }

    record WentOverdue(String commissionId, String unitId, Deadline deadline, Instant detectedAt)
            implements CommissionDomainEvent {
    }

    record ReminderPosted(String commissionId, String unitId, String kind, Deadline deadline, Instant postedAt,
                          String mailTo) implements CommissionDomainEvent {
    }
}
