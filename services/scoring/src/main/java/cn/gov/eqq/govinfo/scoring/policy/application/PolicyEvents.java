package cn.gov.eqq.govinfo.scoring.policy.application;

import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that turns a policy version into its published fact: every value, nothing left out. The way back
 * (a fact read from the topic) is the Kafka adapter's {@code PolicyTranslation}.
 */
public final class PolicyEvents {

    private PolicyEvents() {
    }

    public static PolicyVersionAdded added(ScoringPolicy p, String addedBy, Instant addedAt) {
        Map<String, PolicyVersionAdded.Category> categories = new TreeMap<>();
        p.categories().forEach((k, v) -> categories.put(k, new PolicyVersionAdded.Category(v.label(), v.points())));
        Map<String, PolicyVersionAdded.Kind> kinds = new TreeMap<>();
        p.adoptionKinds().forEach((k, v) -> kinds.put(k,
                new PolicyVersionAdded.Kind(v.label(), v.shortLabel(), v.points(), v.instruction())));
        Map<Integer, PolicyVersionAdded.Shortfall> shortfall = new TreeMap<>();
        p.shortfall().forEach((group, s) -> shortfall.put(group, new PolicyVersionAdded.Shortfall(s.tiers().stream()
                .map(t -> new PolicyVersionAdded.Tier(t.fromShortfall(), t.toShortfall(), t.deduction())).toList(),
                s.nothingReceived(), s.example(), s.note())));
        return new PolicyVersionAdded(p.version(), p.effectiveFrom(), p.source(), categories, p.forwardPoints(), kinds,
                p.commissionPoints(), p.monthlyQuota(), shortfall, addedBy, addedAt, p.combinedCredit().name());
    }
}
