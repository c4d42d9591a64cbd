package cn.gov.eqq.govinfo.contracts.reporting;

import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;

import java.util.List;

/**
 * {@code data} of {@code cn.gov.eqq.govinfo.ranking.finalized.v1}: the final ranking of one group for one quarter or
 * year, i.e. the table frozen in the published circular of that period. A corrected circular finalises again with
 * its {@code circularVersion}; the highest circular version wins.
 */
public record RankingFinalized(String period, String periodType, int group, long snapshotVersion,
                               String policyVersion, String circularId, int circularVersion, String documentNumber,
                               List<RankingRow> rows) {

    public RankingFinalized {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
