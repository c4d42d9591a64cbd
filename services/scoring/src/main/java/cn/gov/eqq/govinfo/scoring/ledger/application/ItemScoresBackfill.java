package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import cn.gov.eqq.govinfo.scoring.shared.application.StoredItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the score of every item stored before scores were published: after the upgrade that brought
 * {@code scoring.item-scores.v1}, the other services learn each earlier item's score without waiting for the item to
 * change or for a replay. Each item is written conditionally on the version read, so two replicas running this at
 * once publish each item once; an item nobody stored before the upgrade is never visited again.
 */
public class ItemScoresBackfill {

    private static final Logger log = LoggerFactory.getLogger(ItemScoresBackfill.class);
    private static final int PAGE = 200;

    private final ItemScoreStore items;
    private final ItemScores scores;
    private final Policies policies;

    public ItemScoresBackfill(ItemScoreStore items, ItemScores scores, Policies policies) {
        this.items = items;
        this.scores = scores;
        this.policies = policies;
    }

    /** @return how many items this call published (or found published meanwhile by a concurrent write) */
    public int publishNeverPublished() {
        int published = 0;
        String after = null;
        for (List<StoredItem> page = items.neverPublished(null, PAGE); !page.isEmpty();
             page = items.neverPublished(after, PAGE)) {
            List<ItemScoreStore.Write> writes = new ArrayList<>(page.size());
            for (StoredItem item : page) {
                writes.add(new ItemScoreStore.Write(item.facts(), item.entries(), item.version(),
                        scores.next(new ItemScores.PublishScore(item, item.facts(), item.entries(),
                                policies.history(), items::replayGeneration))));
                after = item.facts().itemId();
            }
            // one bulk write per page; an item written meanwhile (new fact, the other replica) was published by
            // that write, and its conditional write here does not land
            items.saveAll(writes);
            published += writes.size();
            scores.written();
        }
        if (published > 0) {
            log.info("published the scores of {} items stored before scores were published", published);
        }
        return published;
    }
}
