package cn.gov.eqq.govinfo.commission.tasking.adapter.in.scheduling;

import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Completes commission imports that were committed but cut short (the process died while applying them): soon
 * after start and then periodically, on whichever replica runs first; applying twice adds nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "govinfo.commission.imports", name = "recovery-enabled", matchIfMissing = true)
class ImportRecovery {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final ImportingPastCommissions imports;

    ImportRecovery(ImportingPastCommissions imports) {
        this.imports = imports;
    }

    @Scheduled(fixedDelayString = "${govinfo.commission.imports.recovery-interval:PT30S}",
            initialDelayString = "${govinfo.commission.imports.recovery-initial-delay:PT5S}")
    void completePending() {
        int completed = imports.completePending();
        if (completed > 0) {
            log.info("已完成 {} 个中断的约稿补录", completed);
        }
    }
}
