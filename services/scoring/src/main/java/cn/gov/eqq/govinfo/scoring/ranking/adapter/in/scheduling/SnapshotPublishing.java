package cn.gov.eqq.govinfo.scoring.ranking.adapter.in.scheduling;

import cn.gov.eqq.govinfo.scoring.ranking.application.SnapshotPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the snapshot publisher's two lanes every {@code govinfo.scoring.publish-interval} (100 ms unless set): the
 * running month on a thread of its own ({@code snapshot-running-month}), so that it never waits behind a pass over
 * a year's entries, and every other key on Spring's scheduler.
 */
@Component
class SnapshotPublishing implements SmartLifecycle {

    private final SnapshotPublisher publisher;
    private final Duration interval;
    private volatile ScheduledExecutorService runningMonth;

    SnapshotPublishing(SnapshotPublisher publisher,
                       @Value("${govinfo.scoring.publish-interval:100ms}") Duration interval) {
        this.publisher = publisher;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${govinfo.scoring.publish-interval:100ms}")
    void tick() {
        publisher.tick();
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "snapshot-running-month");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(publisher::tickRunningMonth, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        runningMonth = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = runningMonth;
        runningMonth = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return runningMonth != null;
    }
}
