package cn.gov.eqq.govinfo.adoption.unit.domain;

import java.time.Instant;

/**
 * A reporting unit (报送单位) as intake last described it.
 *
 * @param changedAt when intake changed it: an older description never replaces a newer one
 */
public record ReportingUnit(String unitId, String name, int group, boolean active, Instant changedAt) {
}
