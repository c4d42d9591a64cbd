package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.scheduling;

import cn.gov.eqq.govinfo.scoring.ledger.application.Rescoring;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for policy versions waiting to be scored again every {@code govinfo.scoring.rescore-interval} (1 s unless
 * set).
 */
@Component
class RescoringAfterPolicyVersions {

    private final Rescoring rescoring;

    RescoringAfterPolicyVersions(Rescoring rescoring) {
        this.rescoring = rescoring;
    }

    @Scheduled(fixedDelayString = "${govinfo.scoring.rescore-interval:1s}")
    void tick() {
        rescoring.tick();
    }
}
