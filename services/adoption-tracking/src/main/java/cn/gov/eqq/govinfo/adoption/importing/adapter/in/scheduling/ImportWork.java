package cn.gov.eqq.govinfo.adoption.importing.adapter.in.scheduling;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.platform.work.LeasedWorkLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every replica looks for import batches to work on, and stops its import first at shutdown (ADR 0022). */
@Component
class ImportWork extends LeasedWorkLifecycle {

    private final ImportingRecords importing;

    ImportWork(ImportingRecords importing) {
        super(importing.work());
        this.importing = importing;
    }

    @Scheduled(fixedDelayString = "${govinfo.adoption.imports.poll-interval:10s}",
            initialDelayString = "${govinfo.adoption.imports.initial-delay:5s}")
    void workOff() {
        runLogged(importing::runPending, "采用记录导入");
    }
}
