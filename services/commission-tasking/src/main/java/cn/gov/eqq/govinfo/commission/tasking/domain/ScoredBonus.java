package cn.gov.eqq.govinfo.commission.tasking.domain;

/**
 * Scoring's decision on one answer item's commission bonus (约稿每条加10分), as scoring published it with the item's
 * score. Scoring alone holds the rule (on time, accepted, not voided, not revised since the judgement); this service
 * only shows it.
 *
 * @param itemId       the answering item
 * @param scoreVersion scoring's version of the item's score; a newer one replaces an older one
 * @param points       what the item's commission line adds (0 when it earns nothing; no line: 0 and no explanation)
 * @param explanation  scoring's Chinese explanation of the commission line, or null when the item has none
 */
public record ScoredBonus(String itemId, long scoreVersion, int points, String explanation) {

    public boolean earned() {
        return points > 0;
    }
}
