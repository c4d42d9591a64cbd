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
 * @param withoutSubmission the units of {@code unitsWithoutSubmission}, with their ids and groups (added within v1:
 *                          the names alone were ambiguous for a machine reader)
 * @param shortOfQuota      the units of {@code unitsShortOfQuota}, with ids, groups, received items and quota
 * @param figureChanges     the {@code changes} as data: unit id, figure, value before and after
 */
public record CircularPublished(String circularId, String seriesId, String kind, String period, int version,
                                String previousCircularId, String documentNumber, String title, Instant publishedAt,
                                List<GroupRanking> groups, List<String> unitsWithoutSubmission,
                                List<String> unitsShortOfQuota, int annexItems, String correctionReason,
                                List<String> changes, String docxPath, String xlsxPath,
                                List<UnitNote> withoutSubmission, List<UnitNote> shortOfQuota,
                                List<FigureChange> figureChanges) {

    public CircularPublished {
        groups = groups == null ? List.of() : List.copyOf(groups);
        unitsWithoutSubmission = unitsWithoutSubmission == null ? List.of() : List.copyOf(unitsWithoutSubmission);
        unitsShortOfQuota = unitsShortOfQuota == null ? List.of() : List.copyOf(unitsShortOfQuota);
        changes = changes == null ? List.of() : List.copyOf(changes);
        withoutSubmission = withoutSubmission == null ? List.of() : List.copyOf(withoutSubmission);
        shortOfQuota = shortOfQuota == null ? List.of() : List.copyOf(shortOfQuota);
        figureChanges = figureChanges == null ? List.of() : List.copyOf(figureChanges);
    }

    /** A unit named in the circular for submitting nothing or missing its monthly quota over the period. */
    public record UnitNote(int group, String unitId, String unitName, int receivedItems, int quota, int shortfall) {
    }

    /**
     * One corrected figure: {@code figure} is its Chinese name as printed (总积分, 报送积分 …), {@code before} and
     * {@code after} the printed values; {@code group}, {@code unitId} and {@code unitName} are absent for a figure
     * that belongs to no unit.
     */
    public record FigureChange(Integer group, String unitId, String unitName, String figure, String before,
                               String after) {
    }

    /** One group's table as printed in the circular (the scoring snapshot it was taken from). */
    public record GroupRanking(int group, long snapshotVersion, String policyVersion, List<RankingRow> rows) {
        public GroupRanking {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }
}
