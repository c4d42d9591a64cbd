package cn.gov.eqq.govinfo.intake.progress.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * The monthly quota (基础条数) of one scoring policy version, as scoring published it: in force from
 * {@code effectiveFrom} (a Beijing date) until the next version's date.
 *
 * @param monthlyQuota received items a month by ranking group
 */
public record QuotaVersion(String version, LocalDate effectiveFrom, Map<Integer, Integer> monthlyQuota) {

    public QuotaVersion {
        monthlyQuota = monthlyQuota == null ? Map.of() : Map.copyOf(monthlyQuota);
    }
}
