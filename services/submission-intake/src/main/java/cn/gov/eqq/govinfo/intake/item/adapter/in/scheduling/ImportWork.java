package cn.gov.eqq.govinfo.intake.item.adapter.in.scheduling;

import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import cn.gov.eqq.govinfo.platform.imports.ImportSchedule;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Every replica looks for import batches to work on, and stops its import first at shutdown (ADR 0022). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportWork extends ImportSchedule {

    ImportWork(HistoryImport imports) {
        super(imports, "历史信息导入");
    }

    @Scheduled(fixedDelayString = "${govinfo.intake.imports.poll-interval:10s}",
            initialDelayString = "${govinfo.intake.imports.initial-delay:5s}")
    void workOff() {
        workOffPending();
    }
}
