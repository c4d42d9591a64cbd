package cn.gov.eqq.govinfo.intake.item.adapter.in.scheduling;

import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
class ImportWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWork.class);

    private final HistoryImport imports;
    private volatile boolean running;

    ImportWork(HistoryImport imports) {
        this.imports = imports;
    }

    @Scheduled(fixedDelayString = "${govinfo.intake.imports.poll-interval:10s}",
            initialDelayString = "${govinfo.intake.imports.initial-delay:5s}")
    void workOffPending() {
        try {
            int worked = imports.runPending();
            if (worked > 0) {
                log.info("已处理 {} 个待处理的历史信息导入批次", worked);
            }
        } catch (RuntimeException e) {
            log.warn("历史信息导入未能完成，将在下次重试: {}", e.toString());
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
