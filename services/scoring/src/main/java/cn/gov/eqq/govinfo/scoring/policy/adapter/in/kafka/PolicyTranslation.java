package cn.gov.eqq.govinfo.scoring.policy.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.scoring.policy.application.PolicyLog;
import cn.gov.eqq.govinfo.scoring.rules.domain.AdoptionKindRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.CategoryRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.CombinedCredit;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallTier;

import java.util.Map;
import java.util.TreeMap;

/**
 * Translates a {@code PolicyVersionAdded} read from scoring's policy topic back into the version it adds: every
 * value, nothing left out (the application's {@code PolicyEvents} is the way there). A record published before a
 * value existed reads with that value's default.
 */
public final class PolicyTranslation {

    private PolicyTranslation() {
    }

    public static PolicyLog.AddedVersion addedVersion(PolicyVersionAdded e) {
        return new PolicyLog.AddedVersion(policyOf(e), e.addedBy(), e.addedAt());
    }

    public static ScoringPolicy policyOf(PolicyVersionAdded e) {
        Map<String, CategoryRule> categories = new TreeMap<>();
        e.categories().forEach((k, v) -> categories.put(k, new CategoryRule(v.label(), v.points())));
        Map<String, AdoptionKindRule> kinds = new TreeMap<>();
        e.adoptionKinds().forEach((k, v) -> kinds.put(k,
                new AdoptionKindRule(v.label(), v.shortLabel(), v.points(), v.instruction())));
        Map<Integer, ShortfallRule> shortfall = new TreeMap<>();
        e.shortfall().forEach((group, s) -> shortfall.put(group, new ShortfallRule(s.tiers().stream()
                .map(t -> new ShortfallTier(t.fromShortfall(), t.toShortfall(), t.deduction())).toList(),
                s.nothingReceived(), s.example(), s.note())));
        return new ScoringPolicy(e.version(), e.effectiveFrom(), e.source(), categories, e.forwardPoints(), kinds,
                e.commissionPoints(), e.monthlyQuota(), shortfall, CombinedCredit.parse(e.combinedCreditOrDefault()));
    }
}
