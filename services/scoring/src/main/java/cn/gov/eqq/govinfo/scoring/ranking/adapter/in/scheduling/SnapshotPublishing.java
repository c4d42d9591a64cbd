package cn.gov.eqq.govinfo.scoring.ranking.adapter.in.scheduling;

import cn.gov.eqq.govinfo.scoring.ranking.application.SnapshotPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the snapshot publisher's pass every {@code govinfo.scoring.publish-interval} (100 ms unless set). */
@Component
class SnapshotPublishing {

    private final SnapshotPublisher publisher;

    SnapshotPublishing(SnapshotPublisher publisher) {
        this.publisher = publisher;
    }

    @Scheduled(fixedDelayString = "${govinfo.scoring.publish-interval:100ms}")
    void tick() {
        publisher.tick();
    }
}
