package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Port: scoring's latest decision per item, as heard on {@code scoring.item-scores.v1}. */
public interface ItemScores {

    /** Keeps {@code score} unless a decision at least as new is held; @return whether it was kept. */
    boolean keepIfNewer(ItemScore score);

    Optional<ItemScore> find(String itemId);

    /** The decisions held for these items, by item id (items without one are absent). */
    Map<String, ItemScore> findAll(Collection<String> itemIds);
}
