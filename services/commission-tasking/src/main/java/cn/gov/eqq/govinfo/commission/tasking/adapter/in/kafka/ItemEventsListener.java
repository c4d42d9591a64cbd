package cn.gov.eqq.govinfo.commission.tasking.adapter.in.kafka;

import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Answers arrive as intake's item events: an item submitted (or received) with a commission id answers that
 * commission, and a voided item stops counting. Redelivery is harmless without an eventId table: the commission
 * keys answers by item and revision, so the same event changes nothing the second time.
 */
@Component
class ItemEventsListener {

    private final EventCodec codec;
    private final Commissioning commissions;

    ItemEventsListener(EventCodec codec, Commissioning commissions) {
        this.codec = codec;
        this.commissions = commissions;
    }

    @KafkaListener(topics = Topics.ITEMS, groupId = "${spring.application.name}")
    void on(String value) {
        EventEnvelope<?> envelope = codec.decode(value);
        Object payload = envelope.payload();
        if (payload instanceof ItemSubmitted s && s.commissionId() != null) {
            commissions.recordAnswer(new Commissioning.RecordAnswer(s.commissionId(), s.itemId(), s.unitId(),
                    s.revision(), s.submittedAt(), false));
        } else if (payload instanceof ItemReceived r && r.commissionId() != null) {
            commissions.recordAnswer(new Commissioning.RecordAnswer(r.commissionId(), r.itemId(), r.unitId(),
                    r.revision(), r.submittedAt(), true));
        } else if (payload instanceof ItemVoided v) {
            commissions.voidAnswer(v.itemId(), v.reason(), v.voidedAt());
        }
    }
}
