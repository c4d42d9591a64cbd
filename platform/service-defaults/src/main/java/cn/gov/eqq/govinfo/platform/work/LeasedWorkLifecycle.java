package cn.gov.eqq.govinfo.platform.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.function.IntSupplier;

/**
 * The base of a service's scheduled trigger of {@link LeasedWork}: when the process shuts down the work stops first
 * (after the part being written), before the rest of the service; a context started again works on. The subclass
 * holds the {@code @Scheduled} method and calls {@link #runLogged}.
 */
public abstract class LeasedWorkLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeasedWorkLifecycle.class);

    private final LeasedWork work;
    private volatile boolean running;

    protected LeasedWorkLifecycle(LeasedWork work) {
        this.work = work;
    }

    /** Runs one round of the schedule; a failure is logged and the next round tries again. */
    protected void runLogged(IntSupplier round, String what) {
        try {
            int worked = round.getAsInt();
            if (worked > 0) {
                log.info("已处理 {} 个待处理的{}批次", worked, what);
            }
        } catch (RuntimeException e) {
            log.warn("{}未能完成，将在下次重试: {}", what, e.toString());
        }
    }

    @Override
    public void start() {
        work.resume(); // a context stopped and started again (as the test framework pauses idle ones) works on
        running = true;
    }

    @Override
    public void stop() {
        work.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
