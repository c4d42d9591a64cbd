package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.statistics.domain.UnitMonthStatistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every figure a circular shows, computed once and then stored with the circular: a published circular is rendered
 * from these, never from the live rankings, so late events cannot change it. The monthly statistics of the period
 * are kept too, for the Excel export.
 */
public record CircularFigures(String period, List<GroupTable> groups, List<QuotaNote> noSubmission,
                              List<QuotaNote> missedQuota, List<CommissionLine> commissions, List<AnnexLine> annex,
                              List<String> warnings, List<UnitMonthStatistics> statistics) {

    public CircularFigures {
        groups = List.copyOf(groups);
        noSubmission = List.copyOf(noSubmission);
        missedQuota = List.copyOf(missedQuota);
        commissions = List.copyOf(commissions);
        annex = List.copyOf(annex);
        warnings = List.copyOf(warnings);
        statistics = statistics == null ? List.of() : List.copyOf(statistics);
    }

    /** One group's ranking table, copied line by line from the ranking snapshot it names. */
    public record GroupTable(int group, String groupName, long snapshotVersion, String policyVersion,
                             List<RankingLine> rows) {
        public GroupTable {
            rows = List.copyOf(rows);
        }
    }

    /** A unit named for submitting nothing or missing its quota. */
    public record QuotaNote(int group, String unitId, String unitName, int receivedItems, int quota, int shortfall) {
    }

    /** A commission whose deadline fell in the period, with the units that answered and those that missed it. */
    public record CommissionLine(String commissionId, String title, Instant deadline, List<UnitRef> answered,
                                 List<UnitRef> missed, List<UnitRef> pending) {
        public CommissionLine {
            answered = List.copyOf(answered);
            missed = List.copyOf(missed);
            pending = List.copyOf(pending);
        }
    }

    /**
     * @param bonusItems for a unit that answered: how many of its items earned the +10 (每条加10分); null in the
     *                   other lists, and in circulars stored before the items were counted (they print as issued)
     */
    public record UnitRef(String unitId, String unitName, String status, Integer bonusItems) {
    }

    /**
     * One adopted (or instructed) item in the annex: the records dated in the period and the adoption points scoring
     * put in the period's months for the item (its ADOPTION lines: only the rise of the item's best record counts).
     *
     * @param points      null while scoring has not published the item's score (shown as not yet scored)
     * @param explanation scoring's Chinese explanation of those points; null in circulars stored before it was kept
     */
    public record AnnexLine(int no, String itemId, String itemTitle, String unitId, String unitName, String publication,
                            LocalDate date, Integer points, String explanation) {
    }

    public boolean mentionsUnit(String unitId) {
        return groups.stream().anyMatch(g -> g.rows().stream().anyMatch(r -> r.unitId().equals(unitId)));
    }
}
