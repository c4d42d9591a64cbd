package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.CommissionDomainEvent;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerVoided;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswered;
import cn.gov.eqq.govinfo.contracts.commission.CommissionEvent;
import cn.gov.eqq.govinfo.contracts.commission.CommissionIssued;
import cn.gov.eqq.govinfo.contracts.commission.CommissionOverdue;
import cn.gov.eqq.govinfo.contracts.commission.CommissionReminderSent;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;

import java.time.Instant;
import java.util.List;

/** Turns what the aggregate says happened into the published contracts of {@link Topics#COMMISSIONS}. */
public final class IntegrationEvents {

    private final EventCodec codec;
    private final String producer;

    public IntegrationEvents(EventCodec codec, String producer) {
        this.codec = codec;
        this.producer = producer;
    }

    public List<OutboxEntry> outboxEntries(List<CommissionDomainEvent> events, Instant now) {
        return events.stream()
                .map(e -> OutboxEntry.of(EventEnvelope.wrap(toContract(e), producer, now), Topics.COMMISSIONS, codec))
                .toList();
    }

    static CommissionEvent toContract(CommissionDomainEvent event) {
        // Java 17: no pattern matching in switch yet, so a chain of instanceof over the sealed family
        if (event instanceof CommissionDomainEvent.Issued e) {
            return new CommissionIssued(e.commissionId(), e.title(), e.requirements(), e.targetUnitIds(),
                    e.deadline().instant(), e.issuedBy(), e.issuedAt());
        }
        if (event instanceof CommissionDomainEvent.Answered e) {
            return new CommissionAnswered(e.commissionId(), e.unitId(), e.itemId(), e.revision(), e.submittedAt(),
                    e.deadline().instant(), e.onTime());
        }
        if (event instanceof CommissionDomainEvent.AnswerJudged e) {
            return new CommissionAnswerJudged(e.commissionId(), e.unitId(), e.itemId(), e.submittedAt(),
                    e.deadline().instant(), e.accepted(), e.reason(), e.judgedBy(), e.judgedAt());
        }
        if (event instanceof CommissionDomainEvent.AnswerVoided e) {
            return new CommissionAnswerVoided(e.commissionId(), e.unitId(), e.itemId(), e.reason(), e.voidedAt());
        }
        if (event instanceof CommissionDomainEvent.WentOverdue e) {
            return new CommissionOverdue(e.commissionId(), e.unitId(), e.deadline().instant(), e.detectedAt());
        }
        if (event instanceof CommissionDomainEvent.ReminderPosted e) {
            return new CommissionReminderSent(e.commissionId(), e.unitId(), e.kind(), e.deadline().instant(),
                    e.postedAt(), e.mailTo() != null);
        }
        throw new IllegalArgumentException("unmapped event " + event);
    }
}
