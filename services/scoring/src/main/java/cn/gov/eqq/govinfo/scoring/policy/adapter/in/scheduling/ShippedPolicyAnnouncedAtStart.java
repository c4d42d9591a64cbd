package cn.gov.eqq.govinfo.scoring.policy.adapter.in.scheduling;

import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is ready, announces the shipped policy version on the policy topic if no start did before, so
 * that intake shows the shipped quotas on a system where no administrator has added a version.
 */
@Component
class ShippedPolicyAnnouncedAtStart {

    private static final Logger log = LoggerFactory.getLogger(ShippedPolicyAnnouncedAtStart.class);

    private final Policies policies;

    ShippedPolicyAnnouncedAtStart(Policies policies) {
        this.policies = policies;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        try {
            if (policies.announceShipped()) {
                log.info("announced the shipped policy version on the policy topic");
            }
        } catch (RuntimeException e) {
            // the next start tries again; scoring itself always has the shipped version
            log.warn("announcing the shipped policy version failed: {}", e.toString());
        }
    }
}
