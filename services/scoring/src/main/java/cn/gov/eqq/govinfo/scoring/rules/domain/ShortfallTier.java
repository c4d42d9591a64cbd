package cn.gov.eqq.govinfo.scoring.rules.domain;

/**
 * A month short of the quota by {@code fromShortfall}..{@code toShortfall} items (both inclusive; a null upper
 * bound means "or more") costs {@code deduction} points (zero or negative).
 */
public record ShortfallTier(int fromShortfall, Integer toShortfall, int deduction) {

    public boolean covers(int shortfall) {
        return shortfall >= fromShortfall && (toShortfall == null || shortfall <= toShortfall);
    }
}
