package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;

/**
 * Keeps scoring's decision of each item for the adoption view (translated from scoring's {@code ItemScored} by the
 * Kafka adapter). Only a newer {@code scoreVersion} replaces what is held, so a redelivery, a replay of the compacted
 * topic or two replicas reading in any order leave the newest.
 */
public class ItemScoresUpdating {

    private final ItemScores scores;

    public ItemScoresUpdating(ItemScores scores) {
        this.scores = scores;
    }

    /** @return false when a decision at least as new is held */
    public boolean apply(ItemScore score) {
        return scores.keepIfNewer(score);
    }
}
