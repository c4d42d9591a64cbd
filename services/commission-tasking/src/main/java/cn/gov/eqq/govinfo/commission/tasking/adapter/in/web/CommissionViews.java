package cn.gov.eqq.govinfo.commission.tasking.adapter.in.web;

import cn.gov.eqq.govinfo.commission.tasking.application.UnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.domain.Answer;
import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.Reminder;
import cn.gov.eqq.govinfo.commission.tasking.domain.ScoredBonus;
import cn.gov.eqq.govinfo.commission.tasking.domain.UnitOutcome;
import cn.gov.eqq.govinfo.commission.tasking.domain.UnitTally;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the API answers with: records built from the domain, never the domain or storage types themselves. */
final class CommissionViews {

    /**
     * @param deadline        the Beijing minute the room entered; the whole minute is on time
     * @param deadlineDisplay the same for people, e.g. 2026年07月31日 23:59
     * @param deadlineAt      the last instant that is on time
     * @param targets         every target unit for the room; only the caller's own unit for a unit
     */
    record CommissionView(String id, String title, String requirements, LocalDateTime deadline, String deadlineDisplay,
                          Instant deadlineAt, boolean deadlinePassed, String issuedBy, Instant issuedAt,
                          List<TargetView> targets) {
    }

    record TargetView(String unitId, String unitName, String status, boolean open, boolean answeredOnTime,
                      boolean answeredLate, boolean accepted, boolean rejected, boolean earnsBonus,
                      List<AnswerView> answers) {
    }

    /**
     * @param judgeable the room can judge this answer now: received, not voided, not yet judged
     * @param bonus     scoring's explanation of the item's commission points (约稿分), or 积分待计算 while a judged
     *                  answer awaits scoring; null before the room judged it
     */
    record AnswerView(String itemId, int revision, Instant submittedAt, boolean onTime, boolean received,
                      boolean judgeable, String status, String reason, String judgedBy, Instant judgedAt,
                      String bonus) {
    }

    record NoticeView(String commissionId, String title, String unitId, String kind, Instant postedAt, String subject,
                      String message, LocalDateTime deadline, String mailStatus) {
    }

    record TallyView(String unitId, String unitName, int received, int answeredOnTime, int answeredLate, int accepted,
                     int rejected, int awaitingJudgement, int missed, int bonusEarned) {
    }

    record StatisticsView(LocalDate from, LocalDate to, String basis, List<TallyView> units) {
    }

    /** What scoring decided for the answers is shown as scoring published it ({@code scored}, by item id). */
    static CommissionView of(Commission c, List<String> visibleUnits, Instant now, UnitDirectory units,
                             Map<String, ScoredBonus> scored) {
        List<TargetView> targets = visibleUnits.stream().filter(c::isTarget)
                .map(u -> target(c, u, now, units, scored)).toList();
        return new CommissionView(c.id(), c.title(), c.requirements(), c.deadline().beijingMinute(),
                c.deadline().display(), c.deadline().instant(), c.deadline().hasPassed(now), c.issuedBy(),
                c.issuedAt(), targets);
    }

    private static TargetView target(Commission c, String unitId, Instant now, UnitDirectory units,
                                     Map<String, ScoredBonus> scored) {
        UnitOutcome o = c.outcomeOf(unitId, now);
        List<AnswerView> answers = c.answersOf(unitId).stream().map(a -> answer(c, a, scored.get(a.itemId())))
                .toList();
        return new TargetView(unitId, units.nameOf(unitId), o.label(), o.open(), o.answeredOnTime(), o.answeredLate(),
                o.accepted(), o.rejected(), c.bonusItemsOf(unitId, scored) > 0, answers);
    }

    private static AnswerView answer(Commission c, Answer a, ScoredBonus scored) {
        String status;
        String reason = null;
        if (a.voided()) {
            status = "已作废";
            reason = a.voidedReason();
        } else if (!a.received()) {
            status = "待接收";
        } else if (a.pending()) {
            status = "待审核";
        } else {
            status = a.accepted() ? "已采纳" : "未采纳";
            reason = a.judgement().reason();
        }
        return new AnswerView(a.itemId(), a.revision(), a.submittedAt(), c.deadline().isMetBy(a.submittedAt()),
                a.received(), a.received() && a.pending() && !a.voided(), status, reason,
                a.judgement() == null ? null : a.judgement().judgedBy(),
                a.judgement() == null ? null : a.judgement().judgedAt(), bonus(a, scored));
    }

    private static String bonus(Answer a, ScoredBonus scored) {
        if (scored != null && scored.explanation() != null) {
            return scored.explanation();
        }
        return a.judgement() == null ? null : "积分待计算";
    }

    static NoticeView notice(Commission c, Reminder r) {
        return new NoticeView(c.id(), c.title(), r.unitId(), r.kind(), r.postedAt(), r.subject(), r.message(),
                c.deadline().beijingMinute(), r.mail().status().name());
    }

    static TallyView tally(UnitTally t, UnitDirectory units) {
        return new TallyView(t.unitId(), units.nameOf(t.unitId()), t.received(), t.answeredOnTime(), t.answeredLate(),
                t.accepted(), t.rejected(), t.awaitingJudgement(), t.missed(), t.bonusEarned());
    }

    private CommissionViews() {
    }
}
