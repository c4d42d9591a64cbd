package cn.gov.eqq.govinfo.scoring.policy.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Follows scoring's own policy topic: a version on the log that the database lacks (a database restored without
 * {@code policies}, say) is stored again at once, without waiting for a replay. Normally every version it reads was
 * stored before it was published, and nothing changes. An undecodable record is dead-lettered.
 */
@Component
class PolicyEventsListener {

    static final String ID = "scoring-policies";

    private final EventCodec codec;
    private final Policies policies;

    PolicyEventsListener(EventCodec codec, Policies policies) {
        this.codec = codec;
        this.policies = policies;
    }

    @KafkaListener(id = ID, groupId = "${spring.application.name}", topics = Topics.POLICIES)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<?> envelope = codec.decode(record.value());
        if (envelope.payload() instanceof PolicyVersionAdded added) {
            policies.restoreFrom(() -> List.of(PolicyTranslation.addedVersion(added)));
        }
    }
}
