package cn.gov.eqq.govinfo.scoring.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionCorrected;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerVoided;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.scoring.domain.ItemFact;

import java.util.Optional;

/**
 * Translates integration events into the domain's item facts. Events that change no score (ItemSubmitted,
 * ItemReturned, CommissionIssued, CommissionAnswered, CommissionOverdue, CommissionReminderSent,
 * InstructionFollowUpReported) give no fact: a returned revision simply never becomes a received one, and an answer
 * earns its bonus only through the room's judgement.
 */
public final class EventFacts {

    private EventFacts() {
    }

    public static Optional<ItemFact> of(EventEnvelope<?> envelope) {
        String id = envelope.eventId();
        Object p = envelope.payload();
        if (p instanceof ItemReceived e) {
            return Optional.of(new ItemFact.Received(id, e.itemId(), e.unitId(), e.revision(), e.title(),
                    e.category(), e.majorEmergency(), e.submittedAt(), e.receivedAt(), e.commissionId()));
        }
        if (p instanceof ItemVoided e) {
            return Optional.of(new ItemFact.Voided(id, e.itemId(), e.unitId(), e.reason(), e.voidedAt()));
        }
        if (p instanceof ItemForwardedToCity e) {
            return Optional.of(new ItemFact.Forwarded(id, e.itemId(), e.unitId(), e.forwardedAt()));
        }
        if (p instanceof AdoptionRecorded e) {
            return Optional.of(new ItemFact.AdoptionState(id, e.itemId(), e.recordId(), e.unitId(), e.kind(),
                    e.publication(), e.issueNo(), e.leader(), e.effectiveDate(), e.recordedAt()));
        }
        if (p instanceof AdoptionCorrected e) {
            return Optional.of(new ItemFact.AdoptionState(id, e.itemId(), e.recordId(), e.unitId(), e.kind(),
                    e.publication(), e.issueNo(), e.leader(), e.effectiveDate(), e.correctedAt()));
        }
        if (p instanceof AdoptionWithdrawn e) {
            return Optional.of(new ItemFact.AdoptionWithdrawal(id, e.itemId(), e.recordId(), e.reason(),
                    e.withdrawnAt()));
        }
        if (p instanceof CommissionAnswerJudged e && e.itemId() != null) {
            return Optional.of(new ItemFact.CommissionJudgement(id, e.itemId(), e.commissionId(), e.unitId(),
                    e.answerSubmittedAt(), e.deadline(), e.accepted(), e.reason(), e.judgedAt()));
        }
        if (p instanceof CommissionAnswerVoided e && e.itemId() != null) {
            return Optional.of(new ItemFact.CommissionAnswerVoid(id, e.itemId(), e.commissionId(), e.reason(),
                    e.voidedAt()));
        }
        return Optional.empty();
    }
}
