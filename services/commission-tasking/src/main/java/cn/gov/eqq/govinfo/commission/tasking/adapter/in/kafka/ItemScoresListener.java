package cn.gov.eqq.govinfo.commission.tasking.adapter.in.kafka;

import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.commission.tasking.domain.ScoredBonus;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Scoring's decision of each item: what it says of the commission bonus (the item's {@code COMMISSION} line) is
 * kept, so the commission pages show scoring's +10 and its explanation instead of deciding it here.
 */
@Component
class ItemScoresListener {

    /** The ledger source of the commission bonus line. */
    static final String COMMISSION_SOURCE = "COMMISSION";

    private final EventCodec codec;
    private final Commissioning commissions;

    ItemScoresListener(EventCodec codec, Commissioning commissions) {
        this.codec = codec;
        this.commissions = commissions;
    }

    @KafkaListener(topics = Topics.ITEM_SCORES, groupId = "${spring.application.name}")
    void on(String value) {
        if (codec.decode(value).payload() instanceof ItemScored scored) {
            commissions.recordScore(bonusOf(scored));
        }
    }

    /** An item answers one commission, so it has at most one commission line; no line: 0 and no explanation. */
    static ScoredBonus bonusOf(ItemScored scored) {
        return scored.lines().stream().filter(l -> COMMISSION_SOURCE.equals(l.source())).findFirst()
                .map(l -> new ScoredBonus(scored.itemId(), scored.scoreVersion(), l.points(), l.explanation()))
                .orElse(new ScoredBonus(scored.itemId(), scored.scoreVersion(), 0, null));
    }
}
