package cn.gov.eqq.govinfo.reporting.facts.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionCorrected;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerVoided;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswered;
import cn.gov.eqq.govinfo.contracts.commission.CommissionIssued;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.reporting.facts.domain.AdoptionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemScore;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps reporting's copy of units (with their memberships over time), items, adoption records, commissions and the
 * item scores scoring publishes, for the circulars' named units, commissions and annex, and for the statistics.
 * Events of a kind reporting does not use (e.g. ItemReturned) are read and dropped.
 */
@Component
class FactListeners {

    private final EventCodec codec;
    private final FactStore facts;

    FactListeners(EventCodec codec, FactStore facts) {
        this.codec = codec;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.UNITS, groupId = "${spring.application.name}")
    void onUnit(String value) {
        EventEnvelope<?> e = codec.decode(value);
        if (e.payload() instanceof UnitChanged u) {
            UnitFact fact = new UnitFact(u.unitId(), u.name(), u.group(), u.active(), u.history().stream()
                    .map(m -> new UnitFact.Membership(m.group(), m.fromMonth(), m.untilMonth())).toList());
            facts.updateUnit(u.unitId(), e.eventId(), fact, old -> fact);
        }
    }

    @KafkaListener(topics = Topics.ITEMS, groupId = "${spring.application.name}")
    void onItem(String value) {
        EventEnvelope<?> e = codec.decode(value);
        Object p = e.payload();
        if (p instanceof ItemSubmitted s) {
            facts.updateItem(s.itemId(), e.eventId(), ItemFact.unknown(s.itemId(), s.unitId()), old -> old);
        } else if (p instanceof ItemReceived r) {
            facts.updateItem(r.itemId(), e.eventId(), ItemFact.unknown(r.itemId(), r.unitId()),
                    old -> old.received(r.revision(), r.title(), r.category(), r.topics(), r.majorEmergency(),
                            r.polarity(), r.eventDate(), r.submittedAt(), r.receivedAt(), r.commissionId()));
        } else if (p instanceof ItemVoided v) {
            facts.updateItem(v.itemId(), e.eventId(), ItemFact.unknown(v.itemId(), v.unitId()), ItemFact::asVoided);
        } else if (p instanceof ItemForwardedToCity f) {
            facts.updateItem(f.itemId(), e.eventId(), ItemFact.unknown(f.itemId(), f.unitId()),
                    old -> old.forwarded(f.forwardedAt()));
        }
        // ItemReturned: the returned revision never counted
    }

    @KafkaListener(topics = Topics.ADOPTIONS, groupId = "${spring.application.name}")
    void onAdoption(String value) {
        EventEnvelope<?> e = codec.decode(value);
        Object p = e.payload();
        if (p instanceof AdoptionRecorded r) {
            AdoptionFact fact = new AdoptionFact(r.recordId(), r.itemId(), r.kind(), r.publication(), r.issueNo(),
                    r.effectiveDate(), r.leader(), false);
            facts.updateAdoption(r.recordId(), e.eventId(), fact, old -> old.withdrawn() ? old : fact);
        } else if (p instanceof AdoptionCorrected c) {
            AdoptionFact fact = new AdoptionFact(c.recordId(), c.itemId(), c.kind(), c.publication(), c.issueNo(),
                    c.effectiveDate(), c.leader(), false);
            facts.updateAdoption(c.recordId(), e.eventId(), fact, old -> old.withdrawn() ? old : fact);
        } else if (p instanceof AdoptionWithdrawn w) {
            facts.updateAdoption(w.recordId(), e.eventId(),
                    new AdoptionFact(w.recordId(), w.itemId(), null, null, null, null, null, true),
                    AdoptionFact::withdraw);
        }
    }

    /** Scoring's decision per item (compacted, whole): the newest scoreVersion wins. */
    @KafkaListener(topics = Topics.ITEM_SCORES, groupId = "${spring.application.name}")
    void onItemScore(String value) {
        EventEnvelope<?> e = codec.decode(value);
        if (e.payload() instanceof ItemScored s) {
            facts.keepItemScore(new ItemScore(s.itemId(), s.unitId(), s.title(), s.status(), s.points(),
                    s.lines().stream().map(l -> new ItemScore.Line(l.month(), l.date(), l.source(), l.rule(),
                            l.points(), l.explanation(), l.policyVersion())).toList(),
                    s.adoptions().stream().map(a -> new ItemScore.Reading(a.recordId(), a.kind(), a.kindLabel(),
                            a.effectiveDate(), a.countable(), a.counts(), a.addedPoints(), a.explanation())).toList(),
                    s.scoreVersion()));
        }
    }

    @KafkaListener(topics = Topics.COMMISSIONS, groupId = "${spring.application.name}")
    void onCommission(String value) {
        EventEnvelope<?> e = codec.decode(value);
        Object p = e.payload();
        if (p instanceof CommissionIssued i) {
            facts.updateCommission(i.commissionId(), e.eventId(), CommissionFact.unknown(i.commissionId()),
                    old -> old.issued(i.title(), i.targetUnitIds(), i.deadline()));
        } else if (p instanceof CommissionAnswerJudged j) {
            facts.updateCommission(j.commissionId(), e.eventId(), CommissionFact.unknown(j.commissionId()),
                    old -> old.judged(new CommissionFact.Answer(j.unitId(), j.itemId(), j.answerSubmittedAt(),
                            j.accepted()), j.deadline()));
        } else if (p instanceof CommissionAnswered a) {
            facts.updateCommission(a.commissionId(), e.eventId(), CommissionFact.unknown(a.commissionId()),
                    old -> old.judged(new CommissionFact.Answer(a.unitId(), a.itemId(), a.answerSubmittedAt(), null),
                            a.deadline()));
        } else if (p instanceof CommissionAnswerVoided v) {
            facts.updateCommission(v.commissionId(), e.eventId(), CommissionFact.unknown(v.commissionId()),
                    old -> old.answerVoided(v.unitId(), v.itemId()));
        }
    }
}
