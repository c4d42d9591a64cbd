package cn.gov.eqq.govinfo.platform.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * One process's worker on background import batches (ADR 0022): its name in the leases it takes, the lease it asks
 * for, the loop that claims batch after batch, the pause after each written part, and stopping at shutdown after
 * the part being written (the lease is not released: a crash cannot release it either, so the takeover path is the
 * one a crash takes).
 */
public final class ImportWorker {

    /**
     * @param lease     how long a claim holds without being renewed (a dead worker's batch waits this long)
     * @param partRows  rows written per part (one progress write each)
     * @param partPause a pause after each part, to leave the database to live work during a long import
     */
    public record Settings(Duration lease, int partRows, Duration partPause) {
    }

    /** Claims one batch that is not finished and not held by a live lease (a conditional findAndModify). */
    @FunctionalInterface
    public interface Claim<B> {
        Optional<B> next(String worker, Instant now, Instant leaseUntil);
    }

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final String name;
    private final Clock clock;
    private final Executor background;
    private final Settings settings;
    private volatile boolean stopping;

    /** @param kind the import's name in the lease holder's name, e.g. {@code import} */
    public ImportWorker(String kind, Clock clock, Executor background, Settings settings) {
        this.name = kind + "-" + UUID.randomUUID();
        this.clock = clock;
        this.background = background;
        this.settings = settings;
    }

    /**
     * The thread that starts an import right after its upload (the schedules pick up the rest); a service's bean,
     * shut down with {@code shutdownNow} after {@link ImportSchedule} has stopped the import.
     */
    public static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** This instance's name in the leases it takes. */
    public String name() {
        return name;
    }

    public int partRows() {
        return settings.partRows();
    }

    public void stop() {
        stopping = true;
    }

    public void resume() {
        stopping = false;
    }

    public Instant leaseFromNow() {
        return clock.instant().plus(settings.lease());
    }

    /** Claims batch after batch and works on each until none is free or the process stops. @return batches worked */
    public <B> int runPending(Claim<B> claim, Consumer<B> work) {
        int worked = 0;
        Optional<B> next;
        while (!stopping && (next = claim.next(name, clock.instant(), leaseFromNow())).isPresent()) {
            work.accept(next.get());
            worked++;
        }
        return worked;
    }

    /** Right after an upload, works off pending batches in the background (the schedules pick up the rest). */
    public void startSoon(String batchId, IntSupplier runPending) {
        background.execute(() -> {
            try {
                runPending.getAsInt();
            } catch (RuntimeException e) {
                // the batch keeps its lease until it runs out; then any replica's schedule takes it over
                log.warn("导入批次 {} 中断，租约到期后由任一实例继续：{}", batchId, e.toString());
            }
        });
    }

    /** After a written part. @return false when the work must stop here (shutting down or interrupted) */
    public boolean pause() {
        if (!settings.partPause().isZero()) {
            try {
                Thread.sleep(settings.partPause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopping && !Thread.currentThread().isInterrupted();
    }
}
