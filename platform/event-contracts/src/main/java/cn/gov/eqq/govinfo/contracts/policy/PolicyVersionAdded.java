package cn.gov.eqq.govinfo.contracts.policy;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An administrator added a version of the scoring rules (积分标准), in force from {@code effectiveFrom} (a Beijing
 * date, possibly in the past) until the next version's date. A fact kept whole: the event carries every value of the
 * version, the topic is never compacted nor expired, so the policy history can be rebuilt from the log alone.
 *
 * @param version          the version's stable name, e.g. {@code county-2026}; also the key
 * @param source           where the rules come from, in Chinese
 * @param categories       submission points and label by category (BRIEF, DYNAMIC, …)
 * @param forwardPoints    points for a forward to the city government
 * @param adoptionKinds    adoption and instruction kinds: points, labels, whether it is an instruction
 * @param commissionPoints the bonus for an accepted on-time commissioned item
 * @param monthlyQuota     items a month by ranking group
 * @param shortfall        each group's deduction tiers for a month short of its quota
 * @param addedBy          who added it
 * @param addedAt          when
 * @param combinedCredit   how a combined adoption (综合采用) credits its source items: {@code FULL} (each source
 *                         earns the kind's points) or {@code LEAD_ONLY} (only the first listed); absent in versions
 *                         published before the rule was part of the version, which read as {@code FULL}
 */
public record PolicyVersionAdded(String version, LocalDate effectiveFrom, String source,
                                 Map<String, Category> categories, int forwardPoints, Map<String, Kind> adoptionKinds,
                                 int commissionPoints, Map<Integer, Integer> monthlyQuota,
                                 Map<Integer, Shortfall> shortfall, String addedBy, Instant addedAt,
                                 String combinedCredit)
        implements IntegrationEvent {

    /** Every source of a combined adoption earns the kind's points: the rule of versions without one. */
    public static final String FULL_CREDIT = "FULL";
    /** Only the lead source of a combined adoption earns points. */
    public static final String LEAD_ONLY_CREDIT = "LEAD_ONLY";

    /** A version as published before the combined-credit rule was part of it. */
    public PolicyVersionAdded(String version, LocalDate effectiveFrom, String source,
                              Map<String, Category> categories, int forwardPoints, Map<String, Kind> adoptionKinds,
                              int commissionPoints, Map<Integer, Integer> monthlyQuota,
                              Map<Integer, Shortfall> shortfall, String addedBy, Instant addedAt) {
        this(version, effectiveFrom, source, categories, forwardPoints, adoptionKinds, commissionPoints, monthlyQuota,
                shortfall, addedBy, addedAt, null);
    }

    /** The combined-credit rule of this version; {@link #FULL_CREDIT} when the record has none. */
    public String combinedCreditOrDefault() {
        return combinedCredit == null ? FULL_CREDIT : combinedCredit;
    }

    public PolicyVersionAdded {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        adoptionKinds = adoptionKinds == null ? Map.of() : Map.copyOf(adoptionKinds);
        monthlyQuota = monthlyQuota == null ? Map.of() : Map.copyOf(monthlyQuota);
        shortfall = shortfall == null ? Map.of() : Map.copyOf(shortfall);
    }

    public record Category(String label, int points) {
    }

    public record Kind(String label, String shortLabel, int points, boolean instruction) {
    }

    /** A month short by {@code fromShortfall}..{@code toShortfall} items (null: or more) costs {@code deduction}. */
    public record Tier(int fromShortfall, Integer toShortfall, int deduction) {
    }

    /** One group's tiers, the deduction for a month with nothing received, and whether they are only an example. */
    public record Shortfall(List<Tier> tiers, int nothingReceived, boolean example, String note) {
        public Shortfall {
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
        }
    }

    @Override
    public String aggregateKey() {
        return version;
    }
}
