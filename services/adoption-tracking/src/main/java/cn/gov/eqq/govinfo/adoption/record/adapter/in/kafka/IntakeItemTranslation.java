package cn.gov.eqq.govinfo.adoption.record.adapter.in.kafka;

import cn.gov.eqq.govinfo.adoption.record.application.UpdateItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFactChange;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.item.ItemEvent;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;

import java.util.Optional;

/** Intake's item events, in the words of {@link cn.gov.eqq.govinfo.adoption.record.application.ItemFactsUpdating}. */
final class IntakeItemTranslation {

    private IntakeItemTranslation() {
    }

    /** @return empty when the envelope carries no item event */
    static Optional<UpdateItemFacts> of(EventEnvelope<?> envelope) {
        if (!(envelope.payload() instanceof ItemEvent event)) {
            return Optional.empty();
        }
        return Optional.of(new UpdateItemFacts(envelope.eventId(), event.itemId(), change(event)));
    }

    static ItemFactChange change(ItemEvent event) {
        if (event instanceof ItemReceived r) {
            return new ItemFactChange.Received(r.unitId(), r.title(), r.majorEmergency());
        }
        if (event instanceof ItemSubmitted s) {
            return new ItemFactChange.Submitted(s.unitId(), s.title());
        }
        if (event instanceof ItemVoided v) {
            return new ItemFactChange.Voided(v.unitId());
        }
        if (event instanceof ItemForwardedToCity f) {
            return new ItemFactChange.Forwarded(f.unitId());
        }
        // ItemReturned, ItemCorrected and types added later: nothing adoption-tracking needs, but keep the unit
        return new ItemFactChange.Other(event.unitId());
    }
}
