package cn.gov.eqq.govinfo.platform.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every replica looks for import batches to work on, on the schedule of its subclass (whose {@code @Scheduled}
 * method names the service's properties and calls {@link #workOffPending()}): new ones whose upload's own start did
 * not take them (its replica stopped), and those whose worker died (lease run out), so none is left half done. When
 * the process shuts down, the import stops first (after the part being written), before the rest of the service.
 */
public abstract class ImportSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportSchedule.class);

    private final BackgroundImport imports;
    private final String what;
    private volatile boolean running;

    /** @param what the import in the log, in Chinese (e.g. 历史信息导入) */
    protected ImportSchedule(BackgroundImport imports, String what) {
        this.imports = imports;
        this.what = what;
    }

    protected void workOffPending() {
        try {
            int worked = imports.runPending();
            if (worked > 0) {
                log.info("已处理 {} 个待处理的{}批次", worked, what);
            }
        } catch (RuntimeException e) {
            log.warn("{}未能完成，将在下次重试: {}", what, e.toString());
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
