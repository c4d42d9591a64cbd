package cn.gov.eqq.govinfo.intake.progress.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.intake.progress.application.PolicyVersions;
import cn.gov.eqq.govinfo.intake.progress.domain.QuotaVersion;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the monthly quota of each policy version scoring publishes, for the progress view. Unreadable records go to
 * intake's dead-letter topic (platform).
 */
@Component
class PolicyEventsListener {

    private final EventCodec codec;
    private final PolicyVersions versions;

    PolicyEventsListener(EventCodec codec, PolicyVersions versions) {
        this.codec = codec;
        this.versions = versions;
    }

    @KafkaListener(topics = Topics.POLICIES, groupId = "${spring.application.name}")
    void on(String value) {
        if (codec.decode(value).payload() instanceof PolicyVersionAdded v) {
            versions.added(new QuotaVersion(v.version(), v.effectiveFrom(), v.monthlyQuota()));
        }
    }
}
