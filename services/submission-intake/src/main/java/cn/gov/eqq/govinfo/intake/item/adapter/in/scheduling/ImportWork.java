package cn.gov.eqq.govinfo.intake.item.adapter.in.scheduling;

import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import cn.gov.eqq.govinfo.platform.work.LeasedWorkLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every replica looks for import batches to work on, on a fixed delay: new ones whose upload's own start did not
 * take them (its replica stopped), and those whose worker died (lease run out), so none is left half done. When the
 * process shuts down, the import stops first (after the part being written), before the rest of the service.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportWork extends LeasedWorkLifecycle {

    private final HistoryImport imports;

    ImportWork(HistoryImport imports) {
        super(imports.work());
        this.imports = imports;
    }

    @Scheduled(fixedDelayString = "${govinfo.intake.imports.poll-interval:10s}",
            initialDelayString = "${govinfo.intake.imports.initial-delay:5s}")
    void workOffPending() {
        runLogged(imports::runPending, "历史信息导入");
    }
}
