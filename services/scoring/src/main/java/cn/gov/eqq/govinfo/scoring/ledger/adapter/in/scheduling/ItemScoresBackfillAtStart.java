package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.scheduling;

import cn.gov.eqq.govinfo.scoring.ledger.application.ItemScoresBackfill;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once the service is ready, publishes in the background the scores of items stored before scores were published. */
@Component
class ItemScoresBackfillAtStart {

    private static final Logger log = LoggerFactory.getLogger(ItemScoresBackfillAtStart.class);

    private final ItemScoresBackfill backfill;

    ItemScoresBackfillAtStart(ItemScoresBackfill backfill) {
        this.backfill = backfill;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(() -> {
            try {
                backfill.publishNeverPublished();
            } catch (RuntimeException e) {
                // the next start tries again; items that change meanwhile publish themselves
                log.warn("publishing the scores of earlier items stopped: {}", e.toString());
            }
        }, "item-scores-backfill");
        thread.setDaemon(true);
        thread.start();
    }
}
