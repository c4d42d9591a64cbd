package cn.gov.eqq.govinfo.scoring.rules.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of the scoring rules (积分标准), in force from {@code effectiveFrom} (a Beijing date) until the next
 * version. Everything the notice fixes is a value here, never a constant in code.
 *
 * @param version          a stable name, e.g. {@code 2022-07-06}
 * @param source           where the rules come from, e.g. 鄂前政办发〔2022〕65号
 * @param categories       submission points by category name (BRIEF, DYNAMIC, …)
 * @param forwardPoints    extra points for an item forwarded to the city government (转报市政府)
 * @param adoptionKinds    adoption / forward / instruction kinds; only the highest counts per item
 * @param commissionPoints bonus for a commissioned item delivered on time and accepted (约稿)
 * @param monthlyQuota     items a month by ranking group (基础条数)
 * @param shortfall        tiered deductions for a shortfall against the quota, by ranking group like the quota
 *                         (quotas differ, so "nothing received" and every tier are the group's own)
 * @param combinedCredit   how a combined adoption (综合采用) credits its source items; {@link CombinedCredit#FULL}
 *                         when a version (stored, published or sent) has none
 */
public record ScoringPolicy(String version, LocalDate effectiveFrom, String source,
                            Map<String, CategoryRule> categories, int forwardPoints,
                            Map<String, AdoptionKindRule> adoptionKinds, int commissionPoints,
                            Map<Integer, Integer> monthlyQuota, Map<Integer, ShortfallRule> shortfall,
                            CombinedCredit combinedCredit) {

    public ScoringPolicy {
        combinedCredit = combinedCredit == null ? CombinedCredit.FULL : combinedCredit;
        categories = categories == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(categories));
        adoptionKinds = adoptionKinds == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(adoptionKinds));
        monthlyQuota = monthlyQuota == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(monthlyQuota));
        shortfall = shortfall == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(shortfall));
    }

    /** A version with every source of a combined adoption credited in full. */
    public ScoringPolicy(String version, LocalDate effectiveFrom, String source, Map<String, CategoryRule> categories,
                         int forwardPoints, Map<String, AdoptionKindRule> adoptionKinds, int commissionPoints,
                         Map<Integer, Integer> monthlyQuota, Map<Integer, ShortfallRule> shortfall) {
        this(version, effectiveFrom, source, categories, forwardPoints, adoptionKinds, commissionPoints, monthlyQuota,
                shortfall, CombinedCredit.FULL);
    }

    public Optional<CategoryRule> category(String name) {
        return Optional.ofNullable(name == null ? null : categories.get(name));
    }

    public Optional<AdoptionKindRule> adoptionKind(String name) {
        return Optional.ofNullable(name == null ? null : adoptionKinds.get(name));
    }

    /** The monthly quota of a group; zero for a group the policy does not name. */
    public int quotaOf(int group) {
        return monthlyQuota.getOrDefault(group, 0);
    }

    /** The deduction tiers of a group; none (no deduction) for a group the policy does not name. */
    public ShortfallRule shortfallOf(int group) {
        ShortfallRule rule = shortfall.get(group);
        return rule == null ? ShortfallRule.NONE : rule;
    }
}
