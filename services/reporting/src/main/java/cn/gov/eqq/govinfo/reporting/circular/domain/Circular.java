package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.reporting.circular.domain.Objection.Resolution;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a quarterly circular or annual evaluation. Its figures are stored in it; once published nothing
 * changes them. A correction is a new version (same series, {@code version + 1}) that lists what changed and why.
 *
 * @param seriesId  the same for every version of one circular (kind and period)
 * @param revision  bumped on every change; the store updates only the revision it read (no lost updates)
 * @param updatedAt when anything last changed: what the dashboard's "changed since" looks at
 * @param letterhead the notice cited, the document-number prefix and the addressees, kept with the circular: taken
 *                   from the settings when drafted and on each refresh, frozen from publication on; circulars
 *                   stored before it was kept read as {@link Letterhead#FIRST_RELEASE}, the words they were issued with
 */
public record Circular(String id, String seriesId, CircularKind kind, String period, int version, String previousId,
                       String title, String documentNumber, CircularStatus status, CircularFigures figures,
                       List<Objection> objections, Instant reviewClosesAt, String createdBy, Instant createdAt,
                       String publishedBy, Instant publishedAt, String correctionReason, List<FigureChange> changes,
                       long revision, Instant updatedAt, Letterhead letterhead) {

    public Circular {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        objections = objections == null ? List.of() : List.copyOf(objections);
        changes = changes == null ? List.of() : List.copyOf(changes);
        letterhead = letterhead == null ? Letterhead.FIRST_RELEASE : letterhead;
    }

    public static String seriesIdOf(CircularKind kind, ReportingPeriod period) {
        return kind.name() + "-" + period.code();
    }

    /** A new circular, version 1, as a draft with the figures of now. */
    public static Circular draft(String id, CircularKind kind, ReportingPeriod period, CircularFigures figures,
                                 Letterhead letterhead, String by, Instant now) {
        if (period.type() != kind.periodType()) {
            throw new CircularRuleViolation("circular.period-mismatch",
                    kind.chinese() + "的期间应为" + (kind == CircularKind.QUARTERLY ? "季度（如 2026-Q3）" : "年度（如 2026）"));
        }
        return new Circular(id, seriesIdOf(kind, period), kind, period.code(), 1, null, kind.titleFor(period), null,
                CircularStatus.DRAFT, figures, List.of(), null, by, now, null, null, null, List.of(), 0, now,
                Objects.requireNonNull(letterhead, "letterhead"));
    }

    /**
     * Takes the figures and the letterhead of now into a circular that is not yet published (e.g. after an upheld
     * objection).
     */
    public Circular refresh(CircularFigures newFigures, Letterhead settings, Instant now) {
        requireNotPublished("刷新数据");
        List<FigureChange> diff = previousId == null ? List.of() : changes;
        return with(status, newFigures, objections, reviewClosesAt, null, null, null, diff, now)
                .withLetterhead(settings);
    }

    /** A correction's changes are measured against the published version it corrects. */
    public Circular refreshCorrection(CircularFigures newFigures, CircularFigures published, Letterhead settings,
                                      Instant now) {
        requireNotPublished("刷新数据");
        return with(status, newFigures, objections, reviewClosesAt, null, null, null,
                FigureDiff.between(published, newFigures), now).withLetterhead(settings);
    }

    /** Opens the review window (复核期) in which each unit sees its own figures and may object. */
    public Circular openReview(Instant closesAt, Instant now) {
        if (status != CircularStatus.DRAFT) {
            throw new CircularRuleViolation("circular.not-draft", "只有草稿可以发起复核，当前状态：" + status.chinese());
        }
        if (closesAt == null || !closesAt.isAfter(now)) {
            throw new CircularRuleViolation("circular.review-window", "复核截止时间必须晚于当前时间");
        }
        return with(CircularStatus.IN_REVIEW, figures, objections, closesAt, null, null, null, changes, now);
    }

    public boolean reviewOpen(Instant now) {
        return status == CircularStatus.IN_REVIEW && reviewClosesAt != null && !now.isAfter(reviewClosesAt);
    }

    public Circular raiseObjection(String objectionId, String unitId, String raisedBy, String reason, Instant now) {
        if (!reviewOpen(now)) {
            throw new CircularRuleViolation("circular.review-closed", "不在复核期内，不能提出复核申请");
        }
        if (unitId == null || !figures.mentionsUnit(unitId)) {
            throw new CircularRuleViolation("circular.unit-not-listed", "本单位不在该通报的排名中，无需复核");
        }
        if (reason == null || reason.isBlank()) {
            throw new CircularRuleViolation("objection.reason-required", "请写明复核理由");
        }
        List<Objection> next = new ArrayList<>(objections);
        next.add(new Objection(objectionId, unitId, raisedBy, reason.trim(), now, null, null, null, null));
        return with(status, figures, next, reviewClosesAt, null, null, null, changes, now);
    }

    public Circular resolveObjection(String objectionId, Resolution resolution, String reply, String by, Instant now) {
        requireNotPublished("处理复核申请");
        if (resolution == null) {
            throw new CircularRuleViolation("objection.resolution-required", "请选择复核结果");
        }
        if (reply == null || reply.isBlank()) {
            throw new CircularRuleViolation("objection.reply-required", "请填写复核答复意见");
        }
        List<Objection> next = new ArrayList<>();
        boolean found = false;
        for (Objection o : objections) {
            if (o.id().equals(objectionId)) {
                if (!o.open()) {
                    throw new CircularRuleViolation("objection.already-resolved", "该复核申请已处理");
                }
                next.add(o.resolve(resolution, reply.trim(), by, now));
                found = true;
            } else {
                next.add(o);
            }
        }
        if (!found) {
            throw new CircularRuleViolation("objection.not-found", "未找到该复核申请");
        }
        return with(status, figures, next, reviewClosesAt, null, null, null, changes, now);
    }

    public long openObjections() {
        return objections.stream().filter(Objection::open).count();
    }

    /**
     * Publishing needs the period ended (Beijing calendar), the review window closed and every objection answered;
     * the figures and the letterhead then freeze. The number is made with the circular's own prefix
     * ({@link Letterhead#documentNumber}). Drafting and review stay open before the period ends: a draft is the
     * room's preview of the figures so far, refreshed before it is published.
     */
    public Circular publish(String documentNumber, String by, Instant now) {
        requirePeriodEnded(now);
        if (status != CircularStatus.IN_REVIEW) {
            throw new CircularRuleViolation("circular.not-in-review",
                    "通报须经复核后发布，当前状态：" + status.chinese());
        }
        if (reviewOpen(now)) {
            throw new CircularRuleViolation("circular.review-still-open", "复核期尚未结束，不能发布");
        }
        if (openObjections() > 0) {
            throw new CircularRuleViolation("circular.open-objections",
                    "尚有 " + openObjections() + " 条复核申请未处理，不能发布");
        }
        return new Circular(id, seriesId, kind, period, version, previousId, title, documentNumber,
                CircularStatus.PUBLISHED, figures, objections, reviewClosesAt, createdBy, createdAt, by, now,
                correctionReason, changes, revision + 1, now, letterhead);
    }

    /** Starts a corrected version of this published circular with the figures and the letterhead of now. */
    public Circular correct(String newId, String reason, CircularFigures currentFigures, Letterhead settings,
                            String by, Instant now) {
        if (status != CircularStatus.PUBLISHED) {
            throw new CircularRuleViolation("circular.not-published", "只有已发布的通报可以更正");
        }
        if (reason == null || reason.isBlank()) {
            throw new CircularRuleViolation("circular.correction-reason-required", "请写明更正原因");
        }
        return new Circular(newId, seriesId, kind, period, version + 1, id, title, null, CircularStatus.DRAFT,
                currentFigures, List.of(), null, by, now, null, null, reason.trim(),
                FigureDiff.between(figures, currentFigures), 0, now, Objects.requireNonNull(settings, "letterhead"));
    }

    /** The published version that a newer published correction replaces keeps its figures, marked as replaced. */
    public Circular supersede(Instant now) {
        if (status != CircularStatus.PUBLISHED) {
            throw new CircularRuleViolation("circular.not-published", "只有已发布的通报可以被更正版本取代");
        }
        return with(CircularStatus.SUPERSEDED, figures, objections, reviewClosesAt, documentNumber, publishedBy,
                publishedAt, changes, now);
    }

    /** Whether the circular's period is over in Beijing time: from 00:00 of the day after its last day. */
    public boolean periodEnded(Instant now) {
        return !now.isBefore(publishableFrom());
    }

    /** The first instant it may be published: 00:00 Beijing time of the day after its period's last day. */
    public Instant publishableFrom() {
        return ReportingPeriod.parse(period).endInstant();
    }

    /** Why it cannot be published yet because its period runs on, in the words people read; empty once it ended. */
    public Optional<String> periodNotEnded(Instant now) {
        if (periodEnded(now)) {
            return Optional.empty();
        }
        ReportingPeriod p = ReportingPeriod.parse(period);
        return Optional.of(p.chineseName() + "尚未结束（" + p.lastDay().getMonthValue() + "月"
                + p.lastDay().getDayOfMonth() + "日结束），不能发布本" + kind.chinese() + "；"
                + p.endExclusive().getMonthValue() + "月" + p.endExclusive().getDayOfMonth() + "日起可以发布");
    }

    private void requirePeriodEnded(Instant now) {
        periodNotEnded(now).ifPresent(why -> {
            throw new CircularRuleViolation("circular.period-not-ended", why);
        });
    }

    public boolean frozen() {
        return status == CircularStatus.PUBLISHED || status == CircularStatus.SUPERSEDED;
    }

    private void requireNotPublished(String what) {
        if (frozen()) {
            throw new CircularRuleViolation("circular.frozen", "通报已发布，数据已冻结，不能" + what + "；如需更正请发起更正");
        }
    }

    private Circular with(CircularStatus s, CircularFigures f, List<Objection> o, Instant closes, String docNo,
                          String pubBy, Instant pubAt, List<FigureChange> ch, Instant now) {
        return new Circular(id, seriesId, kind, period, version, previousId, title,
                docNo != null ? docNo : documentNumber, s, f, o, closes, createdBy, createdAt,
                pubBy != null ? pubBy : publishedBy, pubAt != null ? pubAt : publishedAt, correctionReason, ch,
                revision + 1, now, letterhead);
    }

    private Circular withLetterhead(Letterhead settings) {
        return new Circular(id, seriesId, kind, period, version, previousId, title, documentNumber, status, figures,
                objections, reviewClosesAt, createdBy, createdAt, publishedBy, publishedAt, correctionReason, changes,
                revision, updatedAt, Objects.requireNonNull(settings, "letterhead"));
    }
}
