package cn.gov.eqq.govinfo.commission.tasking.adapter.in.scheduling;

import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
class ImportWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWork.class);

    private final ImportingPastCommissions imports;
    private volatile boolean running;

    ImportWork(ImportingPastCommissions imports) {
        this.imports = imports;
    }

    @Scheduled(fixedDelayString = "${govinfo.commission.imports.poll-interval:10s}",
            initialDelayString = "${govinfo.commission.imports.initial-delay:5s}")
    void workOffPending() {
        try {
            int worked = imports.runPending();
            if (worked > 0) {
                log.info("已处理 {} 个待处理的约稿补录批次", worked);
            }
        } catch (RuntimeException e) {
            log.warn("约稿补录未能完成，将在下次重试: {}", e.toString());
        }
    }

    @Override
    public void start() {
        imports.resume(); // a context stopped and started again (as the test framework pauses idle ones) works on
        running = true;
    }

    @Override
    public void stop() {
        imports.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
