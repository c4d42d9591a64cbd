package cn.gov.eqq.govinfo.commission.tasking.adapter.in.scheduling;

import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import cn.gov.eqq.govinfo.platform.work.LeasedWorkLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every replica looks for commission import batches to work on, on a fixed delay: new ones whose own start did not
 * take them (its replica stopped), and those whose worker died (lease run out), so none is left half done. When the
 * process shuts down, the import stops first (after the part being written), before the rest of the service.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportWork extends LeasedWorkLifecycle {

    private final ImportingPastCommissions imports;

    ImportWork(ImportingPastCommissions imports) {
        super(imports.work());
        this.imports = imports;
    }

    @Scheduled(fixedDelayString = "${govinfo.commission.imports.poll-interval:10s}",
            initialDelayString = "${govinfo.commission.imports.initial-delay:5s}")
    void workOffPending() {
        runLogged(imports::runPending, "约稿补录");
    }
}
