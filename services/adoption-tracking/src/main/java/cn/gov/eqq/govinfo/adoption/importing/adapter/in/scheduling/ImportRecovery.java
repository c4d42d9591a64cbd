package cn.gov.eqq.govinfo.adoption.importing.adapter.in.scheduling;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every recovery interval, finishes the accepted imports a crash left half-applied. Every replica runs it: a line
 * already on file adds nothing, so no leader is needed.
 */
@Component
class ImportRecovery {

    private final ImportingRecords importing;

    ImportRecovery(ImportingRecords importing) {
        this.importing = importing;
    }

    @Scheduled(fixedDelayString = "${govinfo.adoption.recovery-interval:30s}",
            initialDelayString = "${govinfo.adoption.recovery-initial-delay:5s}")
    void completePending() {
        importing.completePending();
    }
}
