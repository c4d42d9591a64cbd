package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionCorrected;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerVoided;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswered;
import cn.gov.eqq.govinfo.contracts.item.ItemCorrected;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventDecodingException;
import cn.gov.eqq.govinfo.scoring.ledger.application.ConsumedEvent;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFact;
import cn.gov.eqq.govinfo.scoring.shared.adapter.in.kafka.UnitTranslation;

import java.util.Optional;

/**
 * Translates the contracts of the consumed topics into scoring's terms ({@link ConsumedEvent}): a
 * {@code UnitChanged} into the unit's state, the other events into the domain's item facts. Events that change no
 * score (ItemSubmitted, ItemReturned, CommissionIssued, CommissionOverdue, CommissionReminderSent,
 * InstructionFollowUpReported) give no fact: a returned revision simply never becomes a received one. An answer earns its bonus only through the room's
 * judgement; {@code CommissionAnswered} is kept because a revised answer makes an earlier judgement lapse.
 */
public final class EventTranslation {

    private EventTranslation() {
    }

    /**
     * @throws EventDecodingException when an event lacks what scoring needs (see {@link #factOf})
     */
    public static ConsumedEvent of(EventEnvelope<?> envelope) {
        if (envelope.payload() instanceof UnitChanged u) {
            return new ConsumedEvent.UnitState(UnitTranslation.unitOf(u));
        }
        return factOf(envelope).<ConsumedEvent>map(ConsumedEvent.Fact::new)
                .orElseGet(() -> new ConsumedEvent.NoScore(envelope.type(), envelope.eventId()));
    }

    /**
     * @throws EventDecodingException when an event lacks what scoring needs (an item id, the instant or date that
     *                                places it in a period): it can never be scored, so it is dead-lettered at once
     *                                instead of blocking its item
     */
    public static Optional<ItemFact> factOf(EventEnvelope<?> envelope) {
        Optional<ItemFact> fact = map(envelope);
        fact.ifPresent(f -> check(envelope, f));
        return fact;
    }

    private static void check(EventEnvelope<?> envelope, ItemFact f) {
        boolean complete = f.itemId() != null && !f.itemId().isBlank();
        if (f instanceof ItemFact.Received r) {
            complete &= r.submittedAt() != null && r.unitId() != null;
        } else if (f instanceof ItemFact.Corrected x) {
            complete &= x.correctedAt() != null && x.category() != null && x.revision() > 0;
        } else if (f instanceof ItemFact.Forwarded x) {
            complete &= x.forwardedAt() != null && x.unitId() != null;
        } else if (f instanceof ItemFact.AdoptionState x) {
            complete &= x.recordId() != null && x.effectiveDate() != null;
        } else if (f instanceof ItemFact.AdoptionWithdrawal x) {
            complete &= x.recordId() != null;
        } else if (f instanceof ItemFact.CommissionAnswer x) {
            complete &= x.commissionId() != null && x.submittedAt() != null;
        } else if (f instanceof ItemFact.CommissionJudgement x) {
            complete &= x.commissionId() != null && x.answerSubmittedAt() != null && x.deadline() != null;
        } else if (f instanceof ItemFact.CommissionAnswerVoid x) {
            complete &= x.commissionId() != null;
        }
        if (!complete) {
            throw new EventDecodingException(envelope.type() + " " + envelope.eventId()
                    + " lacks a field scoring needs (item, unit, record/commission id, or the time that places it)");
        }
    }

    private static Optional<ItemFact> map(EventEnvelope<?> envelope) {
        String id = envelope.eventId();
        Object p = envelope.payload();
        if (p instanceof ItemReceived e) {
            return Optional.of(new ItemFact.Received(id, e.itemId(), e.unitId(), e.revision(), e.title(),
                    e.category(), e.majorEmergency(), e.submittedAt(), e.receivedAt(), e.commissionId()));
        }
        if (p instanceof ItemCorrected e) {
            ItemCorrected.Classification after = e.after() == null
                    ? new ItemCorrected.Classification(null, false, false, null) : e.after();
            return Optional.of(new ItemFact.Corrected(id, e.itemId(), e.unitId(), e.revision(), after.category(),
                    after.majorEvent(), after.majorEmergency(), e.reason(), e.correctedAt()));
        }
        if (p instanceof ItemVoided e) {
            return Optional.of(new ItemFact.Voided(id, e.itemId(), e.unitId(), e.reason(), e.voidedAt()));
        }
        if (p instanceof ItemForwardedToCity e) {
            return Optional.of(new ItemFact.Forwarded(id, e.itemId(), e.unitId(), e.forwardedAt()));
        }
        if (p instanceof AdoptionRecorded e) {
            return Optional.of(new ItemFact.AdoptionState(id, e.itemId(), e.recordId(), e.unitId(), e.kind(),
                    e.publication(), e.issueNo(), e.leader(), e.effectiveDate(), e.recordedAt(), e.combinedRecordId(),
                    e.combinedPosition(), e.recordedAt()));
        }
        if (p instanceof AdoptionCorrected e) {
            return Optional.of(new ItemFact.AdoptionState(id, e.itemId(), e.recordId(), e.unitId(), e.kind(),
                    e.publication(), e.issueNo(), e.leader(), e.effectiveDate(), e.correctedAt()));
        }
        if (p instanceof AdoptionWithdrawn e) {
            return Optional.of(new ItemFact.AdoptionWithdrawal(id, e.itemId(), e.recordId(), e.reason(),
                    e.withdrawnAt()));
        }
        if (p instanceof CommissionAnswered e && e.itemId() != null) {
            return Optional.of(new ItemFact.CommissionAnswer(id, e.itemId(), e.commissionId(), e.unitId(),
                    e.revision(), e.answerSubmittedAt()));
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
