package cn.gov.eqq.govinfo.adoption.record.adapter.in.kafka;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;

import java.util.Optional;

/** Scoring's decision of an item, as {@link ItemScore} holds it for the adoption view. */
final class ItemScoredTranslation {

    /** The ledger source of adoption and instruction lines. */
    static final String ADOPTION_SOURCE = "ADOPTION";

    private ItemScoredTranslation() {
    }

    /** @return empty when the envelope carries no item score */
    static Optional<ItemScore> of(EventEnvelope<?> envelope) {
        return envelope.payload() instanceof ItemScored scored ? Optional.of(toDomain(scored)) : Optional.empty();
    }

    static ItemScore toDomain(ItemScored s) {
        int adoptionPoints = s.lines().stream().filter(l -> ADOPTION_SOURCE.equals(l.source()))
                .mapToInt(ItemScored.Line::points).sum();
        return new ItemScore(s.itemId(), s.status(), s.points(), adoptionPoints, s.scoreVersion(), s.scoredAt(),
                s.adoptions().stream().map(a -> new ItemScore.RecordScore(a.recordId(), a.kindLabel(),
                        a.kindPoints(), a.countable(), a.counts(), a.addedPoints(), a.explanation())).toList());
    }
}
