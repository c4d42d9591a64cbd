package cn.gov.eqq.govinfo.scoring.policy.adapter.in.web;

import cn.gov.eqq.govinfo.scoring.rules.domain.AdoptionKindRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.CategoryRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.CombinedCredit;
import cn.gov.eqq.govinfo.scoring.rules.domain.InvalidPolicyException;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallRule;
import cn.gov.eqq.govinfo.scoring.rules.domain.ShortfallTier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A policy version on the wire (request and response): the same shape as the shipped JSON file; {@code shortfall}
 * holds each group's deduction tiers under the group's number, as {@code monthlyQuota} holds its quota;
 * {@code combinedCredit} is {@code FULL} (the default when absent) or {@code LEAD_ONLY}.
 */
record PolicyBody(String version, LocalDate effectiveFrom, String source, Map<String, Category> categories,
                  Integer forwardPoints, Map<String, Kind> adoptionKinds, Integer commissionPoints,
                  Map<Integer, Integer> monthlyQuota, Map<Integer, Shortfall> shortfall, String combinedCredit) {

    record Category(String label, Integer points) {
    }

    record Kind(String label, String shortLabel, Integer points, Boolean instruction) {
    }

    record Tier(Integer fromShortfall, Integer toShortfall, Integer deduction) {
    }

    record Shortfall(List<Tier> tiers, Integer nothingReceived, Boolean example, String note) {
    }

    static PolicyBody of(ScoringPolicy p) {
        Map<String, Category> categories = new TreeMap<>();
        p.categories().forEach((k, v) -> categories.put(k, new Category(v.label(), v.points())));
        Map<String, Kind> kinds = new TreeMap<>();
        p.adoptionKinds().forEach((k, v) -> kinds.put(k, new Kind(v.label(), v.shortLabel(), v.points(),
                v.instruction())));
        Map<Integer, Shortfall> shortfall = new TreeMap<>();
        p.shortfall().forEach((group, s) -> shortfall.put(group, new Shortfall(s.tiers().stream()
                .map(t -> new Tier(t.fromShortfall(), t.toShortfall(), t.deduction())).toList(),
                s.nothingReceived(), s.example(), s.note())));
        return new PolicyBody(p.version(), p.effectiveFrom(), p.source(), categories, p.forwardPoints(), kinds,
                p.commissionPoints(), p.monthlyQuota(), shortfall, p.combinedCredit().name());
    }

    /** @throws InvalidPolicyException naming every missing value, in Chinese */
    ScoringPolicy toPolicy() {
        List<String> missing = new ArrayList<>();
        Map<String, CategoryRule> cats = new TreeMap<>();
        if (categories != null) {
            categories.forEach((k, v) -> {
                if (v == null || v.points() == null) {
                    missing.add("信息类别 " + k + " 缺少积分");
                } else {
                    cats.put(k, new CategoryRule(v.label(), v.points()));
                }
            });
        }
        Map<String, AdoptionKindRule> kinds = new TreeMap<>();
        if (adoptionKinds != null) {
            adoptionKinds.forEach((k, v) -> {
                if (v == null || v.points() == null || v.instruction() == null) {
                    missing.add("采用/批示类型 " + k + " 缺少积分或“是否批示”");
                } else {
                    kinds.put(k, new AdoptionKindRule(v.label(), v.shortLabel(), v.points(), v.instruction()));
                }
            });
        }
        if (forwardPoints == null) {
            missing.add("缺少转报市政府加分（forwardPoints）");
        }
        if (commissionPoints == null) {
            missing.add("缺少约稿加分（commissionPoints）");
        }
        Map<Integer, ShortfallRule> rules = new TreeMap<>();
        if (shortfall == null || shortfall.isEmpty()) {
            missing.add("缺少各组的扣分梯次（shortfall）及当月未报送的扣分（nothingReceived）");
        } else {
            shortfall.forEach((group, s) -> {
                if (s == null || s.nothingReceived() == null) {
                    missing.add("第" + group + "组缺少当月未报送的扣分（nothingReceived）");
                    return;
                }
                List<ShortfallTier> tiers = new ArrayList<>();
                for (Tier t : s.tiers() == null ? List.<Tier>of() : s.tiers()) {
                    if (t == null || t.fromShortfall() == null || t.deduction() == null) {
                        missing.add("第" + group + "组的扣分梯次缺少起始差额或扣分");
                    } else {
                        tiers.add(new ShortfallTier(t.fromShortfall(), t.toShortfall(), t.deduction()));
                    }
                }
                rules.put(group, new ShortfallRule(tiers, s.nothingReceived(), Boolean.TRUE.equals(s.example()),
                        s.note()));
            });
        }
        if (monthlyQuota != null && monthlyQuota.values().stream().anyMatch(java.util.Objects::isNull)) {
            missing.add("每月基础条数不能为空");
        }
        CombinedCredit credit = null;
        try {
            credit = CombinedCredit.parse(combinedCredit);
        } catch (InvalidPolicyException e) {
            missing.addAll(e.problems());
        }
        if (!missing.isEmpty()) {
            throw new InvalidPolicyException(missing);
        }
        return new ScoringPolicy(version, effectiveFrom, source, cats, forwardPoints, kinds, commissionPoints,
                monthlyQuota, rules, credit);
    }
}
