package cn.gov.eqq.govinfo.intake.progress.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * A configured COPY of the monthly quota per group (基础条数), for the live progress view only. The scoring
 * service owns the quota as versioned policy data and computes shortfalls and deductions; keep these in step
 * with it (defaults: the notice's 8 / 8 / 4).
 */
@ConfigurationProperties("govinfo.quota")
public record QuotaCopy(Map<Integer, Integer> byGroup) {

    public QuotaCopy {
        byGroup = byGroup == null || byGroup.isEmpty() ? Map.of(1, 8, 2, 8, 3, 4) : Map.copyOf(byGroup);
    }

    public int of(int group) {
        return byGroup.getOrDefault(group, 0);
    }
}
