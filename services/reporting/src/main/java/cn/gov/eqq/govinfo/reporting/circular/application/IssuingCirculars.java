package cn.gov.eqq.govinfo.reporting.circular.application;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularComposer;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularKind;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularRuleViolation;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularStatus;
import cn.gov.eqq.govinfo.reporting.circular.domain.Letterhead;
import cn.gov.eqq.govinfo.reporting.circular.domain.Objection.Resolution;
import cn.gov.eqq.govinfo.reporting.circular.domain.UnitFigures;
import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.reporting.ranking.application.RankingSnapshots;
import cn.gov.eqq.govinfo.reporting.shared.domain.Sequenced;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Issuing circulars: draft from the rankings of now, review with objections, publish (frozen, numbered, announced),
 * correct as a new version. Each change is one conditional single-document write. Refusals are
 * {@link UseCaseFailure}s (the web adapter answers them as RFC 9457 problems).
 */
public class IssuingCirculars {

    /** A unit objects to its figures in a circular under review. */
    public record RaiseObjection(String circularId, String unitId, String raisedBy, String reason) {
    }

    /** The information room answers an objection. */
    public record ResolveObjection(String circularId, String objectionId, Resolution resolution, String reply,
                                   String by) {
    }

    private static final int SUPERSEDE_ATTEMPTS = 8;

    private final CircularStore store;
    private final RankingSnapshots rankings;
    private final FactStore facts;
    private final CircularComposer composer;
    private final CircularAnnouncements announcements;
    private final Clock clock;
    private final Duration defaultReviewWindow;
    private final Letterhead letterhead;

    /** @param letterhead the county's settings that a draft takes (the circular keeps its own from then on) */
    public IssuingCirculars(CircularStore store, RankingSnapshots rankings, FactStore facts,
                            CircularComposer composer, CircularAnnouncements announcements, Clock clock,
                            Duration defaultReviewWindow, Letterhead letterhead) {
        this.store = store;
        this.rankings = rankings;
        this.facts = facts;
        this.composer = composer;
        this.announcements = announcements;
        this.clock = clock;
        this.defaultReviewWindow = defaultReviewWindow;
        this.letterhead = letterhead;
    }

    static String idOf(String seriesId, int version) {
        return seriesId + "-v" + version;
    }

    public Circular draft(CircularKind kind, ReportingPeriod period, String by) {
        Instant now = now();
        Circular draft = rule(() -> Circular.draft(idOf(Circular.seriesIdOf(kind, period), 1), kind, period,
                figuresOf(period, now), letterhead, by, now));
        if (!store.create(draft)) {
            throw UseCaseFailure.conflict("circular.exists", period.chineseName() + "的" + kind.chinese()
                    + "已存在；如需更新数据请刷新草稿，已发布的请发起更正");
        }
        return draft;
    }

    public Circular refresh(String id) {
        return change(id, c -> {
            CircularFigures now = figuresOf(ReportingPeriod.parse(c.period()), now());
            if (c.previousId() == null) {
                return c.refresh(now, letterhead, now());
            }
            Circular previous = get(c.previousId());
            return c.refreshCorrection(now, previous.figures(), letterhead, now());
        });
    }

    public Circular openReview(String id, Instant closesAt) {
        Instant now = now();
        Instant closes = closesAt != null ? closesAt : now.plus(defaultReviewWindow);
        return change(id, c -> c.openReview(closes, now));
    }

    public Circular raiseObjection(RaiseObjection command) {
        return change(command.circularId(), c -> c.raiseObjection(UUID.randomUUID().toString(), command.unitId(),
                command.raisedBy(), command.reason(), now()));
    }

    public Circular resolveObjection(ResolveObjection command) {
        return change(command.circularId(), c -> c.resolveObjection(command.objectionId(), command.resolution(),
                command.reply(), command.by(), now()));
    }

    public Circular publish(String id, String by) {
        Circular current = get(id);
        Instant now = now();
        rule(() -> current.publish("", by, now)); // a dry run: no number is taken for a publish the rules refuse
        int year = now.atZone(BeijingTime.ZONE).getYear();
        Circular published = rule(() -> current.publish(
                current.letterhead().documentNumber(year, store.nextDocumentSequence(year)), by, now));
        if (!store.update(published, current.revision(), announcements.of(published))) {
            throw concurrentChange();
        }
        if (published.previousId() != null) {
            supersede(published.previousId(), now);
        }
        return published;
    }

    /**
     * The corrected version keeps its own figures; it is only marked as replaced. The mark is a write of its own
     * (conditional on the revision read): a concurrent write makes it read again, so the mark is never dropped.
     */
    private void supersede(String previousId, Instant now) {
        for (int attempt = 1; attempt <= SUPERSEDE_ATTEMPTS; attempt++) {
            Optional<Circular> previous = store.find(previousId).filter(p -> p.status() == CircularStatus.PUBLISHED);
            if (previous.isEmpty() || store.update(previous.get().supersede(now), previous.get().revision(), List.of())) {
                return;
            }
        }
        throw concurrentChange();
    }

    public Circular correct(String id, String reason, String by) {
        Circular published = get(id);
        List<Circular> series = store.series(published.seriesId());
        Circular newest = series.stream().max(Comparator.comparingInt(Circular::version)).orElse(published);
        if (newest.version() > published.version()) {
            throw UseCaseFailure.conflict("circular.correction-exists", "该通报已有更新的版本（第" + newest.version()
                    + "版，" + newest.status().chinese() + "），请在最新版本上操作");
        }
        Instant now = now();
        Circular correction = rule(() -> published.correct(idOf(published.seriesId(), published.version() + 1),
                reason, figuresOf(ReportingPeriod.parse(published.period()), now), letterhead, by, now));
        if (!store.create(correction)) {
            throw concurrentChange();
        }
        return correction;
    }

    public Circular get(String id) {
        return store.find(id).orElseThrow(() -> UseCaseFailure.notFound("未找到通报：" + id));
    }

    public List<Circular> list(String period, CircularKind kind) {
        return store.list(period, kind);
    }

    public Sequenced.Page<Circular> published(long afterSeq, Instant changedAfter, int size) {
        return store.published(afterSeq, changedAfter, size);
    }

    /** A unit's own figures, once the circular is open to the units (in review or published). */
    public UnitFigures unitFigures(String id, String unitId) {
        Circular c = get(id);
        if (c.status() == CircularStatus.DRAFT) {
            throw UseCaseFailure.conflict("circular.not-open", "通报尚未发起复核，单位暂不能查看");
        }
        return UnitFigures.of(c, unitId);
    }

    private CircularFigures figuresOf(ReportingPeriod period, Instant now) {
        return composer.compose(period, rankings.latestOfPeriod(period.code()), facts.all(), now);
    }

    private Circular change(String id, UnaryOperator<Circular> step) {
        Circular current = get(id);
        Circular next = rule(() -> step.apply(current));
        if (!store.update(next, current.revision(), List.of())) {
            throw concurrentChange();
        }
        return next;
    }

    private static UseCaseFailure concurrentChange() {
        return UseCaseFailure.conflict("circular.changed", "通报刚被他人修改，请刷新后重试");
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static <T> T rule(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (CircularRuleViolation v) {
            throw UseCaseFailure.conflict(v.code(), v.getMessage());
        }
    }
}
