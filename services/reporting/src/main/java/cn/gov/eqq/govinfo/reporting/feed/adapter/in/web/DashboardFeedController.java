package cn.gov.eqq.govinfo.reporting.feed.adapter.in.web;

import cn.gov.eqq.govinfo.reporting.circular.application.IssuingCirculars;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures;
import cn.gov.eqq.govinfo.reporting.circular.domain.FigureChange;
import cn.gov.eqq.govinfo.reporting.ranking.application.ReadingRankings;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.shared.adapter.in.web.Params;
import cn.gov.eqq.govinfo.reporting.shared.domain.GroupNames;
import cn.gov.eqq.govinfo.reporting.shared.domain.Sequenced;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The city appraisal dashboard's read model (市考核看板): rankings, unit scores and published circulars. Each feed is
 * read with an opaque keyset cursor over a sequence number given at every keep (docs/adr/0008): a record kept again
 * comes again, later, and nothing is skipped or repeated meanwhile. No cursor = from the start (a full resync).
 * Answers carry an ETag; {@code If-None-Match} with it answers 304 when nothing changed. Read-only for everyone; the
 * dashboard role has no write endpoint anywhere in this service.
 */
@RestController
@RequestMapping("/api/reporting/feed")
@PreAuthorize("hasAnyRole('dashboard','viewer','info-room','admin')")
class DashboardFeedController {

    private final ReadingRankings rankings;
    private final IssuingCirculars circulars;

    DashboardFeedController(ReadingRankings rankings, IssuingCirculars circulars) {
        this.rankings = rankings;
        this.circulars = circulars;
    }

    /**
     * @param nextCursor       pass it as {@code cursor} on the next request (also when {@code hasMore} is false: the
     *                         next poll then returns only what changed since)
     * @param remaining        how many more records follow now
     * @param nextChangedSince the last change time seen (informational; poll with the cursor)
     */
    record Page<T>(List<T> items, int size, boolean hasMore, long remaining, String nextCursor,
                   Instant nextChangedSince) {
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
    Page<FeedRanking> rankings(@RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String changedSince,
                               @RequestParam(required = false) String period,
                               @RequestParam(defaultValue = "50") int size,
                               @RequestParam(required = false) Integer page) {
        Sequenced.Page<RankingSnapshot> slice = rankingPage(cursor, changedSince, period, size, page);
        List<FeedRanking> items = slice.items().stream().map(Sequenced::item).map(s -> new FeedRanking(s.period(),
                s.periodType(), s.group(), GroupNames.of(s.group()), s.snapshotVersion(), s.policyVersion(),
                s.computedAt(), s.keptAt(), s.lines())).toList();
        return page(items, size, slice, RANKINGS, cursor, changedSince, FeedRanking::changedAt);
    }

    /** The same records as {@code /rankings}, one line per unit; {@code size} counts snapshots, not lines. */
    @GetMapping("/unit-scores")
    Page<UnitScore> unitScores(@RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String changedSince,
                               @RequestParam(required = false) String period,
                               @RequestParam(defaultValue = "50") int size,
                               @RequestParam(required = false) Integer page) {
        Sequenced.Page<RankingSnapshot> slice = rankingPage(cursor, changedSince, period, size, page);
        List<UnitScore> items = new ArrayList<>();
        for (Sequenced<RankingSnapshot> sequenced : slice.items()) {
            RankingSnapshot s = sequenced.item();
            for (RankingLine r : s.lines()) {
                items.add(new UnitScore(s.period(), s.periodType(), s.group(), r.unitId(), r.unitName(), r.rank(),
                        r.points(), r.submissionPoints(), r.forwardPoints(), r.adoptionPoints(), r.commissionPoints(),
                        r.deductionPoints(), r.receivedItems(), r.quota(), r.shortfall(), s.snapshotVersion(),
                        s.keptAt()));
            }
        }
        return page(items, size, slice, RANKINGS, cursor, changedSince, UnitScore::changedAt);
    }

    @GetMapping("/circulars")
    Page<FeedCircular> circulars(@RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) String changedSince,
                                 @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(required = false) Integer page) {
        checkPaging(size, page);
        Sequenced.Page<Circular> slice = circulars.published(FeedCursor.decode(CIRCULARS, cursor),
                Params.instant(changedSince, "changedSince"), size);
        List<FeedCircular> items = slice.items().stream().map(Sequenced::item).map(FeedCircular::of).toList();
        return page(items, size, slice, CIRCULARS, cursor, changedSince, FeedCircular::changedAt);
    }

    static final String RANKINGS = "rankings";
    static final String CIRCULARS = "circulars";

    private Sequenced.Page<RankingSnapshot> rankingPage(String cursor, String changedSince, String period, int size,
                                                        Integer page) {
        checkPaging(size, page);
        long after = FeedCursor.decode(RANKINGS, cursor);
        Instant since = Params.instant(changedSince, "changedSince");
        String p = period == null ? null : Params.period(period).code();
        return rankings.feedPage(new ReadingRankings.ReadFeedPage(after, since, p, size));
    }

    /** Page numbers were replaced by the cursor: a client still sending one would read the first page again. */
    private static void checkPaging(int size, Integer page) {
        Params.paging(page == null ? 0 : page, size);
        if (page != null && page != 0) {
            throw ApiProblem.badRequest("page.replaced", "看板接口已改用游标分页：请把上一页的 nextCursor 作为 cursor 传入")
                    .withField("page", "不再支持页码");
        }
    }

    private static <T> Page<T> page(List<T> items, int size, Sequenced.Page<?> slice, String feed, String cursor,
                                    String changedSince, java.util.function.Function<T, Instant> changedAt) {
        String next = slice.items().isEmpty() ? FeedCursor.encode(feed, FeedCursor.decode(feed, cursor))
                : FeedCursor.encode(feed, slice.items().get(slice.items().size() - 1).seq());
        Instant last = items.isEmpty() ? Params.instant(changedSince, "changedSince")
                : items.stream().map(changedAt).max(Instant::compareTo).orElseThrow();
        return new Page<>(items, size, slice.remaining() > 0, slice.remaining(), next, last);
    }
}
