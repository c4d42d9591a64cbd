package cn.gov.eqq.govinfo.reporting.feed.adapter.in.web;

import cn.gov.eqq.govinfo.reporting.circular.application.CircularService;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures;
import cn.gov.eqq.govinfo.reporting.circular.domain.FigureChange;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshots;
import cn.gov.eqq.govinfo.reporting.shared.adapter.in.web.Params;
import cn.gov.eqq.govinfo.reporting.shared.domain.GroupNames;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The city appraisal dashboard's read model (市考核看板): rankings, unit scores and published circulars, paged, with
 * "changed since" so the client polls only what is new. Read-only for everyone; the dashboard role has no write
 * endpoint anywhere in this service.
 */
@RestController
@RequestMapping("/api/reporting/feed")
@PreAuthorize("hasAnyRole('dashboard','viewer','info-room','admin')")
class DashboardFeedController {

    private final RankingSnapshots rankings;
    private final CircularService circulars;

    DashboardFeedController(RankingSnapshots rankings, CircularService circulars) {
        this.rankings = rankings;
        this.circulars = circulars;
    }

    /**
     * @param nextChangedSince pass it as {@code changedSince} on the next poll once {@code hasMore} is false
     */
    record Page<T>(List<T> items, int page, int size, long total, boolean hasMore, Instant nextChangedSince) {
    }

    record FeedRanking(String period, String periodType, int group, String groupName, long snapshotVersion,
                       String policyVersion, Instant computedAt, Instant changedAt, List<RankingLine> rows) {
    }

    record UnitScore(String period, String periodType, int group, String unitId, String unitName, int rank, int points,
                     int submissionPoints, int forwardPoints, int adoptionPoints, int commissionPoints,
                     int deductionPoints, int receivedItems, int quota, int shortfall, long snapshotVersion,
                     Instant changedAt) {
    }

    record FeedCircular(String id, String seriesId, String kind, String period, int version, String previousId,
                        String title, String documentNumber, String status, Instant publishedAt, Instant changedAt,
                        String correctionReason, List<String> changes, List<CircularFigures.GroupTable> groups,
                        List<CircularFigures.QuotaNote> noSubmission, List<CircularFigures.QuotaNote> missedQuota,
                        List<CircularFigures.CommissionLine> commissions, List<CircularFigures.AnnexLine> annex,
                        String docxPath, String xlsxPath) {
        static FeedCircular of(Circular c) {
            CircularFigures f = c.figures();
            String base = "/api/reporting/circulars/" + c.id();
            return new FeedCircular(c.id(), c.seriesId(), c.kind().name(), c.period(), c.version(), c.previousId(),
                    c.title(), c.documentNumber(), c.status().name(), c.publishedAt(), c.updatedAt(),
                    c.correctionReason(), c.changes().stream().map(FigureChange::sentence).toList(), f.groups(),
                    f.noSubmission(), f.missedQuota(), f.commissions(), f.annex(), base + "/document.docx",
                    base + "/document.xlsx");
        }
    }

    @GetMapping("/rankings")
    Page<FeedRanking> rankings(@RequestParam(required = false) String changedSince,
                               @RequestParam(required = false) String period,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Params.paging(page, size);
        Instant since = Params.instant(changedSince, "changedSince");
        String p = period == null ? null : Params.period(period).code();
        RankingSnapshots.Slice<RankingSnapshot> slice = rankings.latestChangedSince(since, p, page, size);
        List<FeedRanking> items = slice.items().stream().map(s -> new FeedRanking(s.period(), s.periodType(), s.group(),
                GroupNames.of(s.group()), s.snapshotVersion(), s.policyVersion(), s.computedAt(), s.keptAt(),
                s.lines())).toList();
        return page(items, page, size, slice.total(), items.isEmpty() ? since : items.get(items.size() - 1).changedAt());
    }

    @GetMapping("/unit-scores")
    Page<UnitScore> unitScores(@RequestParam(required = false) String changedSince,
                               @RequestParam(required = false) String period,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Params.paging(page, size);
        Instant since = Params.instant(changedSince, "changedSince");
        String p = period == null ? null : Params.period(period).code();
        // a few hundred lines at most (units x groups x periods changed): flattened and paged here
        List<UnitScore> all = new ArrayList<>();
        for (RankingSnapshot s : rankings.latestChangedSince(since, p, 0, Integer.MAX_VALUE).items()) {
            for (RankingLine r : s.lines()) {
                all.add(new UnitScore(s.period(), s.periodType(), s.group(), r.unitId(), r.unitName(), r.rank(),
                        r.points(), r.submissionPoints(), r.forwardPoints(), r.adoptionPoints(), r.commissionPoints(),
                        r.deductionPoints(), r.receivedItems(), r.quota(), r.shortfall(), s.snapshotVersion(),
                        s.keptAt()));
            }
        }
        int from = (int) Math.min((long) page * size, all.size());
        List<UnitScore> items = all.subList(from, Math.min(from + size, all.size()));
        return page(items, page, size, all.size(), items.isEmpty() ? since : items.get(items.size() - 1).changedAt());
    }

    @GetMapping("/circulars")
    Page<FeedCircular> circulars(@RequestParam(required = false) String changedSince,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        Params.paging(page, size);
        Instant since = Params.instant(changedSince, "changedSince");
        var slice = circulars.published(since, page, size);
        List<FeedCircular> items = slice.items().stream().map(FeedCircular::of).toList();
        return page(items, page, size, slice.total(), items.isEmpty() ? since : items.get(items.size() - 1).changedAt());
    }

    private static <T> Page<T> page(List<T> items, int page, int size, long total, Instant last) {
        return new Page<>(items, page, size, total, (long) (page + 1) * size < total, last);
    }
}
