package cn.gov.eqq.govinfo.adoption.importing.adapter.in.scheduling;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every replica looks for import batches to work on, on a fixed delay: new ones whose upload's own start did not take
 * them (its replica stopped), and those whose worker died (lease run out), so none is left half done. When the
 * process shuts down, the import stops first (after the part being written), before the rest of the service.
 */
@Component
class ImportWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWork.class);

    private final ImportingRecords importing;
    private volatile boolean running;

    ImportWork(ImportingRecords importing) {
        this.importing = importing;
    }

    @Scheduled(fixedDelayString = "${govinfo.adoption.imports.poll-interval:10s}",
            initialDelayString = "${govinfo.adoption.imports.initial-delay:5s}")
    void workOffPending() {
        try {
            int worked = importing.runPending();
            if (worked > 0) {
                log.info("已处理 {} 个待处理的采用记录导入批次", worked);
            }
        } catch (RuntimeException e) {
            log.warn("采用记录导入未能完成，将在下次重试: {}", e.toString());
        }
    }

    @Override
    public void start() {
        importing.resume(); // a context stopped and started again (as the test framework pauses idle ones) works on
        running = true;
    }

    @Override
    public void stop() {
        importing.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
