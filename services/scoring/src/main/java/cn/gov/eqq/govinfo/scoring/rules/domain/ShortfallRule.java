package cn.gov.eqq.govinfo.scoring.rules.domain;

import java.util.List;

/**
 * 按梯次扣分: the notice orders tiered deductions for a monthly shortfall but gives no tiers, so the tiers are data
 * set by the information room, one rule per ranking group.
 *
 * @param tiers               non-overlapping tiers in ascending order
 * @param nothingReceived     deduction for a month in which not one item was received (zero or negative)
 * @param example             true while the tiers are only the shipped example, not a decision of the room
 * @param note                where the tiers come from, in Chinese
 */
public record ShortfallRule(List<ShortfallTier> tiers, int nothingReceived, boolean example, String note) {

    /** No tiers: no deduction (a group the version gives no quota). */
    public static final ShortfallRule NONE = new ShortfallRule(List.of(), 0, false, null);

    public ShortfallRule {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** The deduction (zero or negative) for one month. */
    public int deductionFor(int received, int quota) {
        int shortfall = Math.max(0, quota - received);
        if (shortfall == 0) {
            return 0;
        }
        if (received == 0) {
            return nothingReceived;
        }
        return tiers.stream().filter(t -> t.covers(shortfall)).mapToInt(ShortfallTier::deduction).findFirst()
                .orElse(0);
    }
}
