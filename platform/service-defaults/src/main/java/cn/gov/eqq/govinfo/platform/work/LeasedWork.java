package cn.gov.eqq.govinfo.platform.work;

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

/**
 * One process's share of background work whose jobs are documents claimed by a lease (ADR 0017, ADR 0022): its name
 * in the leases it takes, the lease's length, the loop that claims and runs one job after another, the pause after
 * each recorded part of a job, and stopping at shutdown after the part being written (the lease is not released: it
 * runs out and a replica takes the job over, the path a crash takes too). Plain Java, for use cases.
 */
public final class LeasedWork {

    /** Claims one job that is not finished and not held by a live lease. */
    @FunctionalInterface
    public interface Claim<J> {
        Optional<J> next(String worker, Instant now, Instant leaseUntil);
    }

    private static final Logger log = LoggerFactory.getLogger(LeasedWork.class);

    private final String worker;
    private final Clock clock;
    private final Duration lease;
    private final Duration partPause;
    private volatile boolean stopping;

    /**
     * @param kind      what the work is, the prefix of the worker's name ({@code import})
     * @param lease     how long a claim holds without being renewed (a dead worker's job waits this long)
     * @param partPause a pause after each part, to leave the database to live work during a long job
     */
    public LeasedWork(String kind, Clock clock, Duration lease, Duration partPause) {
        this.worker = kind + "-" + UUID.randomUUID();
        this.clock = clock;
        this.lease = lease;
        this.partPause = partPause;
    }

    /**
     * A daemon thread of its own for {@link #startSoon} (a service's bean, shut down with {@code shutdownNow} after
     * the schedule's lifecycle has stopped the work).
     */
    public static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** This instance's name in the leases it takes. */
    public String worker() {
        return worker;
    }

    public Instant leaseFromNow() {
        return clock.instant().plus(lease);
    }

    /** The process is shutting down: work stops after the part being written. */
    public void stop() {
        stopping = true;
    }

    /** The process runs (again): work may be taken. */
    public void resume() {
        stopping = false;
    }

    /** Claims and runs jobs until none is left or the process stops. @return jobs worked on */
    public <J> int runPending(Claim<J> claim, Consumer<J> run) {
        int worked = 0;
        Optional<J> next;
        while (!stopping && (next = claim.next(worker, clock.instant(), leaseFromNow())).isPresent()) {
            run.accept(next.get());
            worked++;
        }
        return worked;
    }

    /**
     * Runs {@code work} on {@code executor} (right after a job was sent, not to wait for the schedule); a failure is
     * logged, and the job keeps its lease until it runs out, when any replica's schedule takes it over.
     */
    public void startSoon(Executor executor, Runnable work, String what) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("{}中断，租约到期后由任一实例继续：{}", what, e.toString());
            }
        });
    }

    /** Called after each recorded part: pauses. @return false when the work must stop here (shutting down) */
    public boolean afterPart() {
        if (!partPause.isZero()) {
            try {
                Thread.sleep(partPause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopping && !Thread.currentThread().isInterrupted();
    }
}
