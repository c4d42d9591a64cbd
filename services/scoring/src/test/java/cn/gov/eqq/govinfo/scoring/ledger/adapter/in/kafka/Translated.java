package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.scoring.ledger.application.ConsumedEvent;

import java.util.List;

/** For tests that feed the use case events written as contracts: each translated as the listener translates it. */
public final class Translated {

    private Translated() {
    }

    public static ConsumedEvent one(EventEnvelope<?> envelope) {
        return EventTranslation.of(envelope);
    }

    public static List<ConsumedEvent> all(List<? extends EventEnvelope<?>> envelopes) {
        return envelopes.stream().map(EventTranslation::of).toList();
    }
}
