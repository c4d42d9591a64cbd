package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.ScoredBonus;

import java.util.Collection;
import java.util.Map;

/**
 * Port: scoring's commission-bonus decision per answer item, kept from scoring's item scores. Only a newer
 * {@code scoreVersion} replaces what is held, so redelivery, a re-read of the compacted topic or two replicas reading
 * in any order leave the newest.
 */
public interface ScoredBonuses {

    /** @return false when a decision at least as new is held */
    boolean keepIfNewer(ScoredBonus bonus);

    /** The decisions held for these items, in one read (items without one are absent). */
    Map<String, ScoredBonus> of(Collection<String> itemIds);
}
