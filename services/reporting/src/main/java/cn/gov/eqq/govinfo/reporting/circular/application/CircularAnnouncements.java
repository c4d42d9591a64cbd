package cn.gov.eqq.govinfo.reporting.circular.application;

import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.reporting.CircularPublished;
import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.contracts.reporting.RankingFinalized;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures;
import cn.gov.eqq.govinfo.reporting.circular.domain.FigureChange;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;

import java.util.ArrayList;
import java.util.List;

/**
 * What the city appraisal dashboard is told when a circular is published: the circular itself, and the final ranking
 * of each group it carries. Ids are derived from the circular version, so a re-announcement has the same id.
 */
public final class CircularAnnouncements {

    private final String source;

    public CircularAnnouncements(String source) {
        this.source = source;
    }

    public List<CloudEvent<?>> of(Circular c) {
        List<CloudEvent<?>> events = new ArrayList<>();
        CircularFigures f = c.figures();
        List<CircularPublished.GroupRanking> groups = f.groups().stream()
                .map(g -> new CircularPublished.GroupRanking(g.group(), g.snapshotVersion(), g.policyVersion(),
                        rows(g.rows())))
                .toList();
        String base = "/api/reporting/circulars/" + c.id();
        events.add(CloudEvent.of(c.id() + "/published", source, CloudEvent.CIRCULAR_PUBLISHED, c.publishedAt(),
                "circular/" + c.seriesId(),
                new CircularPublished(c.id(), c.seriesId(), c.kind().name(), c.period(), c.version(), c.previousId(),
                        c.documentNumber(), c.title(), c.publishedAt(), groups,
                        f.noSubmission().stream().map(CircularFigures.QuotaNote::unitName).toList(),
                        f.missedQuota().stream().map(CircularFigures.QuotaNote::unitName).toList(), f.annex().size(),
                        c.correctionReason(), c.changes().stream().map(FigureChange::sentence).toList(),
                        base + "/document.docx", base + "/document.xlsx")));
        for (CircularFigures.GroupTable g : f.groups()) {
            events.add(CloudEvent.of(c.id() + "/ranking/" + g.group(), source, CloudEvent.RANKING_FINALIZED,
                    c.publishedAt(), "ranking/" + c.period() + "|" + g.group(),
                    new RankingFinalized(c.period(), c.kind().periodType().name(), g.group(), g.snapshotVersion(),
                            g.policyVersion(), c.id(), c.version(), c.documentNumber(), rows(g.rows()))));
        }
        return events;
    }

    private static List<RankingRow> rows(List<RankingLine> lines) {
        return lines.stream().map(r -> new RankingRow(r.rank(), r.unitId(), r.unitName(), r.points(),
                r.submissionPoints(), r.forwardPoints(), r.adoptionPoints(), r.commissionPoints(), r.deductionPoints(),
                r.receivedItems(), r.quota(), r.shortfall())).toList();
    }
}
