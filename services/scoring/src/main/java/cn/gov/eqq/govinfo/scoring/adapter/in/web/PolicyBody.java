package cn.gov.eqq.govinfo.scoring.adapter.in.web;

import cn.gov.eqq.govinfo.scoring.domain.AdoptionKindRule;
import cn.gov.eqq.govinfo.scoring.domain.CategoryRule;
import cn.gov.eqq.govinfo.scoring.domain.InvalidPolicyException;
import cn.gov.eqq.govinfo.scoring.domain.ScoringPolicy;
import cn.gov.eqq.govinfo.scoring.domain.ShortfallRule;
import cn.gov.eqq.govinfo.scoring.domain.ShortfallTier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A policy version on the wire (request and response): the same shape as the shipped JSON file. */
record PolicyBody(String version, LocalDate effectiveFrom, String source, Map<String, Category> categories,
                  Integer forwardPoints, Map<String, Kind> adoptionKinds, Integer commissionPoints,
                  Map<Integer, Integer> monthlyQuota, Shortfall shortfall) {

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
        ShortfallRule s = p.shortfall();
        return new PolicyBody(p.version(), p.effectiveFrom(), p.source(), categories, p.forwardPoints(), kinds,
                p.commissionPoints(), p.monthlyQuota(), new Shortfall(s.tiers().stream()
                .map(t -> new Tier(t.fromShortfall(), t.toShortfall(), t.deduction())).toList(),
                s.nothingReceived(), s.example(), s.note()));
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
        ShortfallRule rule = null;
        if (shortfall == null || shortfall.nothingReceived() == null) {
            missing.add("缺少扣分梯次（shortfall）及当月未报送的扣分（nothingReceived）");
        } else {
            List<ShortfallTier> tiers = new ArrayList<>();
            for (Tier t : shortfall.tiers() == null ? List.<Tier>of() : shortfall.tiers()) {
                if (t == null || t.fromShortfall() == null || t.deduction() == null) {
                    missing.add("扣分梯次缺少起始差额或扣分");
                } else {
                    tiers.add(new ShortfallTier(t.fromShortfall(), t.toShortfall(), t.deduction()));
                }
            }
            rule = new ShortfallRule(tiers, shortfall.nothingReceived(), Boolean.TRUE.equals(shortfall.example()),
                    shortfall.note());
        }
        if (monthlyQuota != null && monthlyQuota.values().stream().anyMatch(java.util.Objects::isNull)) {
            missing.add("每月基础条数不能为空");
        }
        if (!missing.isEmpty()) {
            throw new InvalidPolicyException(missing);
        }
        return new ScoringPolicy(version, effectiveFrom, source, cats, forwardPoints, kinds, commissionPoints,
                monthlyQuota, rule);
    }
}
