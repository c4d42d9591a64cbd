package cn.gov.eqq.govinfo.contracts.ranking;

import cn.gov.eqq.govinfo.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * The ranking of one group for one period, as scoring sees it now. A newer {@code snapshotVersion} for the same
 * key replaces an older one; consumers ignore a version lower than what they hold.
 *
 * @param period     {@code 2026-07} (month), {@code 2026-Q3} (quarter) or {@code 2026} (year), Beijing calendar
 * @param periodType MONTH, QUARTER or YEAR
 */
public record RankingSnapshotPublished(String period, String periodType, int group, long snapshotVersion,
                                       Instant computedAt, String policyVersion, List<RankingRow> rows)
        implements IntegrationEvent {

    public RankingSnapshotPublished {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public static String keyOf(String period, int group) {
        return period + "|" + group;
    }

    @Override
    public String aggregateKey() {
        return keyOf(period, group);
    }
}
