package cn.gov.eqq.govinfo.scoring.ranking.adapter.in.scheduling;

import cn.gov.eqq.govinfo.scoring.ranking.application.SnapshotPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs the snapshot publisher's two lanes every {@code govinfo.scoring.publish-interval} (100 ms unless set): the
 * running month on a thread of its own ({@code snapshot-running-month-1}), so that it never waits behind a pass over
 * a year's entries, and every other key on Spring's scheduler.
 */
@Component
class SnapshotPublishing implements SmartLifecycle {

    private final SnapshotPublisher publisher;
    private final Duration interval;
    private volatile ThreadPoolTaskScheduler runningMonth;

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
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("snapshot-running-month-");
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(5);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(publisher::tickRunningMonth, Instant.now().plus(interval), interval);
        runningMonth = scheduler;
    }

    @Override
    public void stop() {
        ThreadPoolTaskScheduler scheduler = runningMonth;
        runningMonth = null;
        if (scheduler != null) {
            scheduler.shutdown(); // waits for a pass under way, at most 5 s
        }
    }

    @Override
    public boolean isRunning() {
        return runningMonth != null;
    }
}
