package cn.gov.eqq.govinfo.contracts.reporting;

import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;

import java.time.Instant;
import java.util.List;

/**
 * {@code data} of {@code cn.gov.eqq.govinfo.circular.published.v1}: a quarterly circular (季度通报) or annual
 * evaluation (年度考评) was published with these frozen figures. A correction is a new event with a higher
 * {@code version}, {@code previousCircularId} and the list of what changed.
 *
 * @param kind      QUARTERLY or ANNUAL
 * @param period    {@code 2026-Q3} or {@code 2026}
 * @param docxPath  where the Word document can be fetched (through the gateway, with a token)
 * @param changes   Chinese sentences, e.g. 教体局：总积分由 37 更正为 38 (empty for a first version)
 */
public record CircularPublished(String circularId, String seriesId, String kind, String period, int version,
                                String previousCircularId, String documentNumber, String title, Instant publishedAt,
                                List<GroupRanking> groups, List<String> unitsWithoutSubmission,
                                List<String> unitsShortOfQuota, int annexItems, String correctionReason,
                                List<String> changes, String docxPath, String xlsxPath) {

    public CircularPublished {
        groups = groups == null ? List.of() : List.copyOf(groups);
        unitsWithoutSubmission = unitsWithoutSubmission == null ? List.of() : List.copyOf(unitsWithoutSubmission);
        unitsShortOfQuota = unitsShortOfQuota == null ? List.of() : List.copyOf(unitsShortOfQuota);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** One group's table as printed in the circular (the scoring snapshot it was taken from). */
    public record GroupRanking(int group, long snapshotVersion, String policyVersion, List<RankingRow> rows) {
        public GroupRanking {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }
}
