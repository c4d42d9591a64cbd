package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;

/**
 * Keeps scoring's decision of each item for the adoption view. Only a newer {@code scoreVersion} replaces what is
 * held, so a redelivery, a replay of the compacted topic or two replicas reading in any order leave the newest.
 */
public class ItemScoresUpdating {

    /** The ledger source of adoption and instruction lines. */
    static final String ADOPTION_SOURCE = "ADOPTION";

    private final ItemScores scores;

    public ItemScoresUpdating(ItemScores scores) {
        this.scores = scores;
    }

    /** @return false when the event is no item score or a decision at least as new is held */
    public boolean apply(EventEnvelope<?> envelope) {
        if (!(envelope.payload() instanceof ItemScored scored)) {
            return false;
        }
        return scores.keepIfNewer(toDomain(scored));
    }

    static ItemScore toDomain(ItemScored s) {
        int adoptionPoints = s.lines().stream().filter(l -> ADOPTION_SOURCE.equals(l.source()))
                .mapToInt(ItemScored.Line::points).sum();
        return new ItemScore(s.itemId(), s.status(), s.points(), adoptionPoints, s.scoreVersion(), s.scoredAt(),
                s.adoptions().stream().map(a -> new ItemScore.RecordScore(a.recordId(), a.kindLabel(),
                        a.kindPoints(), a.countable(), a.counts(), a.addedPoints(), a.explanation())).toList());
    }
}
