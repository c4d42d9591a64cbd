package cn.gov.eqq.govinfo.adoption.importing.adapter.in.scheduling;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.platform.imports.ImportSchedule;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every replica looks for import batches to work on, and stops its import first at shutdown (ADR 0022). */
@Component
class ImportWork extends ImportSchedule {

    ImportWork(ImportingRecords importing) {
        super(importing, "采用记录导入");
    }

    @Scheduled(fixedDelayString = "${govinfo.adoption.imports.poll-interval:10s}",
            initialDelayString = "${govinfo.adoption.imports.initial-delay:5s}")
    void workOff() {
        workOffPending();
    }
}
