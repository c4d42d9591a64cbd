package cn.gov.eqq.govinfo.intake.commission.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.commission.CommissionIssued;
import cn.gov.eqq.govinfo.intake.commission.application.CommissionDirectory;
import cn.gov.eqq.govinfo.intake.commission.domain.CommissionTargets;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Keeps intake's commission directory (which units each commission was sent to) in step with commission-tasking. */
@Component
class CommissionEventsListener {

    private final EventCodec codec;
    private final CommissionDirectory commissions;

    CommissionEventsListener(EventCodec codec, CommissionDirectory commissions) {
        this.codec = codec;
        this.commissions = commissions;
    }

    @KafkaListener(topics = Topics.COMMISSIONS, groupId = "${spring.application.name}")
    void on(String value) {
        if (codec.decode(value).payload() instanceof CommissionIssued c) {
            commissions.issued(new CommissionTargets(c.commissionId(), c.title(), Set.copyOf(c.targetUnitIds())));
        }
    }
}
