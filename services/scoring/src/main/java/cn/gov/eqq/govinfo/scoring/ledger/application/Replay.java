package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyLog;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.shared.application.Generations;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.UnitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Rebuilds the ledger from the event topics into a new generation while live scoring goes on, and switches every
 * replica to it at once when it has caught up (docs/adr/0021). Any replica may be asked: it claims the build in the
 * shared {@link GenerationPointer} (refused while another replica's lease runs) and renews the lease while it works.
 * Steps: drop what earlier builds left; create the new generation's collections; restore the policy versions the
 * policy topic holds and the store lacks; wait until every replica's cached pointer names the build, so that live
 * ingestion writes into it too ({@link LiveIngestion}); read the topics from their beginning with a reader of its
 * own and fold them part by part into the new generation, each item written once; when the reader has passed the
 * live group's committed offsets, switch the pointer; publish every item of the new generation once, and drop the
 * old one a while later.
 * Stored policy versions and snapshot version counters are kept, so snapshots published afterwards still carry
 * higher versions.
 */
public class Replay implements AutoCloseable {

    public record Status(GenerationPointer.State state, Instant startedAt, Instant finishedAt, String requestedBy,
                         long items, String message, long eventsRead, long live, Long building, String replica) {

        static Status of(GenerationPointer p) {
            return new Status(p.state(), p.startedAt(), p.finishedAt(), p.requestedBy(), p.items(), p.message(),
                    p.eventsRead(), p.live(), p.building(), p.claimedBy());
        }
    }

    /**
     * @param replica   this replica's name in the pointer (the pod's host name)
     * @param lease     how long a claim lasts without a heartbeat ({@code govinfo.scoring.replay-lease})
     * @param settle    how long the build waits before it reads: longer than a replica caches the pointer
     * @param dropAfter how long after the switch the old generation is dropped
     * @param chunk     events merged per bulk round once the parts are folded (events that came during the build)
     * @param foldMax   events of a part held in memory at most (a larger part is folded in pieces)
     */
    public record Settings(String replica, Duration lease, Duration settle, Duration dropAfter, int chunk,
                           int foldMax) {

        /**
         * How long the previous generation goes on receiving writes after the switch: half the time until it is
         * dropped, and never shorter than the settle time (which outlasts a replica's cached pointer).
         */
        Duration previousGrace() {
            Duration half = dropAfter.dividedBy(2);
            return half.compareTo(settle) > 0 ? half : settle;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    private final EventSource source;
    private final Generations generations;
    private final ItemScoreStore items;
    private final UnitStore units;
    private final EventIngestion ingestion;
    private final ItemScoresBackfill backfill;
    private final Policies policies;
    private final PolicyLog policyLog;
    private final Settings settings;
    private final Clock clock = Clock.systemUTC(); // leases are real time, whatever clock scores the items
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scoring-replay-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile Thread worker;

    public Replay(EventSource source, Generations generations, ItemScoreStore items, UnitStore units,
                  EventIngestion ingestion, ItemScoresBackfill backfill, Policies policies, PolicyLog policyLog,
                  Settings settings) {
        this.source = source;
        this.generations = generations;
        this.items = items;
        this.units = units;
        this.ingestion = ingestion;
        this.backfill = backfill;
        this.policies = policies;
        this.policyLog = policyLog;
        this.settings = settings;
    }

    /** @return false when a build by any replica is running */
    public synchronized boolean start(String requestedBy) {
        Optional<GenerationPointer> claimed = change(p -> p.claim(settings.replica(), requestedBy, clock.instant(),
                settings.lease()).orElse(null));
        if (claimed.isEmpty()) {
            return false;
        }
        Thread t = new Thread(() -> run(claimed.get()), "scoring-replay");
        t.setDaemon(true);
        worker = t;
        t.start();
        return true;
    }

    /** The shared state, as any replica reads it. */
    public Status status() {
        return Status.of(generations.read().asSeenAt(clock.instant()));
    }

    /** A build is under way somewhere (from the cached pointer). */
    public boolean building() {
        return generations.current().buildAlive(clock.instant());
    }

    private void run(GenerationPointer claimed) {
        long m = claimed.building();
        Progress progress = new Progress();
        var heartbeat = timer.scheduleWithFixedDelay(() -> renew(progress), settings.lease().toMillis() / 4,
                settings.lease().toMillis() / 4, TimeUnit.MILLISECONDS);
        try {
            for (long g : generations.stored()) {
                if (g != claimed.live() && g != m) {
                    log.info("replay drops generation {}, left by an earlier build", g);
                    generations.drop(g);
                }
            }
            generations.create(m);
            List<String> restored = policies.restoreFrom(policyLog);
            if (!restored.isEmpty()) {
                log.info("replay restored policy versions {} from the policy topic", restored);
            }
            // from now on every replica's live ingestion writes into generation m as well
            Thread.sleep(settings.settle().toMillis());
            ItemScoreStore building = items.inGeneration(m);
            EventIngestion fold = ingestion.into(building, units.inGeneration(m));
            try (EventSource.Reading reading = source.fromBeginning()) {
                foldParts(reading, fold, progress);
                // what came after, in chunks merged into what is stored; the reader need not see the topics' end,
                // only the live group (live ingestion writes the rest into this generation too)
                while (!reading.caughtUpWithLive()) {
                    alive(progress);
                    fold.applyAll(unitsFirst(reading.next(settings.chunk())));
                    progress.read = reading.read();
                }
            }
            alive(progress);
            long count = building.count();
            Instant now = clock.instant();
            if (change(p -> p.switchLive(settings.replica(), now, progress.read, count, settings.previousGrace()).orElse(null)).isEmpty()) {
                throw new IllegalStateException("重建的租约已失效，未切换");
            }
            heartbeat.cancel(false);
            log.info("replay done: generation {} live with {} items from {} events", m, count, progress.read);
            timer.schedule(() -> dropQuietly(claimed.live()), settings.dropAfter().toMillis(), TimeUnit.MILLISECONDS);
            // once every replica writes into m as the live generation (and so publishes what it writes), each item
            // not published since is published once
            Thread.sleep(settings.settle().toMillis());
            backfill.publishNeverPublished();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(m, "重建被中断");
        } catch (RuntimeException e) {
            if (closed) {
                return; // this replica stops: its lease lapses and the build reads as interrupted
            }
            log.error("replay failed", e);
            fail(m, "重建失败：" + e.getMessage());
        } finally {
            heartbeat.cancel(false);
        }
    }

    /**
     * The topics as they stood, part by part, each item folded in memory and written once. The next part is read and
     * decoded on a thread of its own while this one is written, so the decoding and the database's inserts overlap:
     * two pieces of at most {@code foldMax} events are held at a time. The reader is never used by two threads at
     * once: each of its calls is awaited before the next.
     */
    private void foldParts(EventSource.Reading reading, EventIngestion fold, Progress progress)
            throws InterruptedException {
        ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scoring-replay-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<ConsumedEvent>> next = prefetch.submit(() -> reading.nextPart(settings.foldMax()));
            for (List<ConsumedEvent> part = await(next); part != null; part = await(next)) {
                progress.read = reading.read(); // read while the reader is idle, before the next part is asked for
                next = prefetch.submit(() -> reading.nextPart(settings.foldMax()));
                alive(progress);
                fold.foldAll(part);
            }
            progress.read = reading.read();
        } finally {
            prefetch.shutdownNow();
            // the reader is closed after this: a read still under way must end first
            prefetch.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Order does not matter to the result (facts merge order-free, units keep the newest state): units go first. */
    private static List<ConsumedEvent> unitsFirst(List<ConsumedEvent> chunk) {
        List<ConsumedEvent> out = new ArrayList<>(chunk.size());
        chunk.stream().filter(e -> e instanceof ConsumedEvent.UnitState).forEach(out::add);
        chunk.stream().filter(e -> !(e instanceof ConsumedEvent.UnitState)).forEach(out::add);
        return out;
    }

    private static final class Progress {
        volatile long read;
        volatile boolean lost;
    }

    private void renew(Progress progress) {
        try {
            Instant now = clock.instant();
            if (change(p -> p.renew(settings.replica(), now, settings.lease(), progress.read, 0).orElse(null))
                    .isEmpty()) {
                progress.lost = true;
            }
        } catch (RuntimeException e) {
            log.warn("replay heartbeat failed: {}", e.toString());
        }
    }

    private static void alive(Progress progress) {
        if (progress.lost) {
            throw new IllegalStateException("重建的租约已失效（心跳未能按时续约）");
        }
    }

    private void fail(long generation, String why) {
        if (closed) {
            return;
        }
        try {
            change(p -> p.fail(settings.replica(), clock.instant(), why).orElse(null));
        } catch (RuntimeException e) {
            log.warn("replay could not record its failure: {}", e.toString());
        }
    }

    private void dropQuietly(long generation) {
        try {
            if (generations.read().live() != generation) {
                generations.drop(generation);
                log.info("replay dropped generation {}", generation);
            }
        } catch (RuntimeException e) {
            log.warn("dropping generation {} failed; the next build drops it: {}", generation, e.toString());
        }
    }

    /** A conditional change of the pointer, read again after a concurrent one; empty when the step refuses. */
    private Optional<GenerationPointer> change(UnaryOperator<GenerationPointer> step) {
        for (int attempt = 0; attempt < 20; attempt++) {
            GenerationPointer before = generations.read();
            GenerationPointer next = step.apply(before);
            if (next == null) {
                return Optional.empty();
            }
            if (generations.replace(before, next)) {
                return Optional.of(next);
            }
        }
        throw new IllegalStateException("生成指针被持续并发修改");
    }

    /** This replica stops: the build stops without a word, its lease lapses and the pointer reports it. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }
}
