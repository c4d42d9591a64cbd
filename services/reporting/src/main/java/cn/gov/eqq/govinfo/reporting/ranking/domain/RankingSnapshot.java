package cn.gov.eqq.govinfo.reporting.ranking.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of one group's ranking for one period, as scoring published it, and when reporting took it in.
 *
 * @param period     {@code 2026-07}, {@code 2026-Q3} or {@code 2026}
 * @param keptAt     when reporting stored it: what the dashboard's "changed since" looks at
 */
public record RankingSnapshot(String eventId, String period, String periodType, int group, long snapshotVersion,
                              Instant computedAt, String policyVersion, List<RankingLine> lines, Instant keptAt) {

    public RankingSnapshot {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(period, "period");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public String key() {
        return keyOf(period, group);
    }

    public static String keyOf(String period, int group) {
        return period + "|" + group;
    }
}
