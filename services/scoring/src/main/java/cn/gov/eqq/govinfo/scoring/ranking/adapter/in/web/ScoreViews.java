package cn.gov.eqq.govinfo.scoring.ranking.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.scoring.rules.domain.LedgerEntry;
import cn.gov.eqq.govinfo.scoring.rules.domain.Ranking;
import cn.gov.eqq.govinfo.scoring.rules.domain.UnitPeriodScore;

import java.time.LocalDate;
import java.util.List;

/** Response bodies of the score and ranking queries. */
final class ScoreViews {

    private ScoreViews() {
    }

    record EntryView(String entryId, String itemId, String month, LocalDate date, String source, String rule,
                     int points, String explanation, String causeEventId, String policyVersion) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.entryId(), e.itemId(), e.month().toString(), e.date(), e.source().name(),
                    e.rule(), e.points(), e.explanation(), e.causeEventId(), e.policyVersion());
        }
    }

    record UnitScoreView(String unitId, String unitName, Integer group, String period, String periodType,
                         String periodLabel, int points, int submissionPoints, int forwardPoints, int adoptionPoints,
                         int commissionPoints, int deductionPoints, int receivedItems, int quota, int shortfall,
                         List<String> openMonths, List<EntryView> entries) {

        static UnitScoreView of(UnitPeriodScore s) {
            ReportingPeriod p = s.period();
            return new UnitScoreView(s.unitId(), s.unitName(), s.group(), p.toString(), p.type().name(), p.label(),
                    s.points(), s.submissionPoints(), s.forwardPoints(), s.adoptionPoints(), s.commissionPoints(),
                    s.deductionPoints(), s.receivedItems(), s.quota(), s.shortfall(),
                    s.openMonths().stream().map(ReportingPeriod::toString).toList(),
                    s.entries().stream().map(EntryView::of).toList());
        }
    }

    record RowView(int rank, String unitId, String unitName, int points, int submissionPoints, int forwardPoints,
                   int adoptionPoints, int commissionPoints, int deductionPoints, int receivedItems, int quota,
                   int shortfall) {
    }

    static final String TIE_BREAK = "积分相同者名次并列，并列时按单位编号排列";

    record RankingView(int group, String period, String periodType, String periodLabel, List<String> policyVersions,
                       long lastSnapshotVersion, String tieBreak, List<RowView> rows) {

        /** The same view from a kept snapshot, which carries the same figures row by row. */
        static RankingView of(RankingSnapshotPublished s) {
            ReportingPeriod p = ReportingPeriod.parse(s.period());
            List<String> versions = s.policyVersion() == null || s.policyVersion().isEmpty() ? List.of()
                    : List.of(s.policyVersion().split(","));
            return new RankingView(s.group(), p.toString(), p.type().name(), p.label(), versions,
                    s.snapshotVersion(), TIE_BREAK, s.rows().stream().map(row -> new RowView(row.rank(),
                            row.unitId(), row.unitName(), row.points(), row.submissionPoints(), row.forwardPoints(),
                            row.adoptionPoints(), row.commissionPoints(), row.deductionPoints(), row.receivedItems(),
                            row.quota(), row.shortfall())).toList());
        }

        static RankingView of(Ranking r, long lastSnapshotVersion) {
            ReportingPeriod p = r.period();
            return new RankingView(r.group(), p.toString(), p.type().name(), p.label(), r.policyVersions(),
                    lastSnapshotVersion, TIE_BREAK,
                    r.lines().stream().map(l -> {
                        UnitPeriodScore s = l.score();
                        return new RowView(l.rank(), s.unitId(), s.unitName(), s.points(), s.submissionPoints(),
                                s.forwardPoints(), s.adoptionPoints(), s.commissionPoints(), s.deductionPoints(),
                                s.receivedItems(), s.quota(), s.shortfall());
                    }).toList());
        }
    }
}
