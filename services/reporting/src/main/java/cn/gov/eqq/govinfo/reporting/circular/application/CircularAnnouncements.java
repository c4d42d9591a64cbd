package cn.gov.eqq.govinfo.reporting.circular.application;

import cn.gov.eqq.govinfo.contracts.ranking.RankingRow;
import cn.gov.eqq.govinfo.contracts.reporting.CircularPublished;
import cn.gov.eqq.govinfo.contracts.reporting.CircularSuperseded;
import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.contracts.reporting.RankingFinalized;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures;
import cn.gov.eqq.govinfo.reporting.circular.domain.FigureChange;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the city appraisal dashboard is told when a circular is published: the circular itself, the final ranking of
 * each group it carries and, for a correction, that the version it corrects is superseded. Ids are derived from the
 * circular version, so a re-announcement has the same id. Every event of one series (a period's circular and its
 * corrections) has the series id as {@code partitionkey}, which is also the Kafka key: they stay in order.
 */
public final class CircularAnnouncements {

    private final String source;
    private final String schemaBase;

    /**
     * @param source     the CloudEvents {@code source}, an absolute URI
     * @param schemaBase the absolute URL under which reporting serves the data schemas; {@code dataschema} is
     *                   {@code <schemaBase>/<type>.json}
     */
    public CircularAnnouncements(String source, String schemaBase) {
        if (!URI.create(source).isAbsolute() || !URI.create(schemaBase).isAbsolute()) {
            throw new IllegalArgumentException("the CloudEvents source and the schema base must be absolute URIs: "
                    + source + ", " + schemaBase);
        }
        this.source = source;
        this.schemaBase = schemaBase.endsWith("/") ? schemaBase.substring(0, schemaBase.length() - 1) : schemaBase;
    }

    public List<CloudEvent<?>> of(Circular c) {
        List<CloudEvent<?>> events = new ArrayList<>();
        CircularFigures f = c.figures();
        List<CircularPublished.GroupRanking> groups = f.groups().stream()
                .map(g -> new CircularPublished.GroupRanking(g.group(), g.snapshotVersion(), g.policyVersion(),
                        rows(g.rows())))
                .toList();
        String base = "/api/reporting/circulars/" + c.id();
        events.add(event(c.id() + "/published", CloudEvent.CIRCULAR_PUBLISHED, c, "circular/" + c.seriesId(),
                new CircularPublished(c.id(), c.seriesId(), c.kind().name(), c.period(), c.version(), c.previousId(),
                        c.documentNumber(), c.title(), c.publishedAt(), groups,
                        f.noSubmission().stream().map(CircularFigures.QuotaNote::unitName).toList(),
                        f.missedQuota().stream().map(CircularFigures.QuotaNote::unitName).toList(), f.annex().size(),
                        c.correctionReason(), c.changes().stream().map(FigureChange::sentence).toList(),
                        base + "/document.docx", base + "/document.xlsx",
                        notes(f.noSubmission()), notes(f.missedQuota()),
                        c.changes().stream().map(ch -> new CircularPublished.FigureChange(ch.group(), ch.unitId(),
                                ch.unitName(), ch.figure(), ch.before(), ch.after())).toList())));
        for (CircularFigures.GroupTable g : f.groups()) {
            events.add(event(c.id() + "/ranking/" + g.group(), CloudEvent.RANKING_FINALIZED, c,
                    "ranking/" + c.period() + "|" + g.group(),
                    new RankingFinalized(c.period(), c.kind().periodType().name(), g.group(), g.snapshotVersion(),
                            g.policyVersion(), c.id(), c.version(), c.documentNumber(), rows(g.rows()))));
        }
        if (c.previousId() != null) {
            events.add(event(c.previousId() + "/superseded", CloudEvent.CIRCULAR_SUPERSEDED, c,
                    "circular/" + c.seriesId(),
                    new CircularSuperseded(c.previousId(), c.seriesId(), c.kind().name(), c.period(), c.id(),
                            c.version(), c.documentNumber(), c.publishedAt(), c.correctionReason())));
        }
        return events;
    }

    private <T> CloudEvent<T> event(String id, String type, Circular c, String subject, T data) {
        return CloudEvent.of(id, source, type, c.publishedAt(), subject, schemaBase + "/" + type + ".json",
                c.seriesId(), data);
    }

    private static List<CircularPublished.UnitNote> notes(List<CircularFigures.QuotaNote> notes) {
        return notes.stream().map(n -> new CircularPublished.UnitNote(n.group(), n.unitId(), n.unitName(),
                n.receivedItems(), n.quota(), n.shortfall())).toList();
    }

    private static List<RankingRow> rows(List<RankingLine> lines) {
        return lines.stream().map(r -> new RankingRow(r.rank(), r.unitId(), r.unitName(), r.points(),
                r.submissionPoints(), r.forwardPoints(), r.adoptionPoints(), r.commissionPoints(), r.deductionPoints(),
                r.receivedItems(), r.quota(), r.shortfall())).toList();
    }
}
