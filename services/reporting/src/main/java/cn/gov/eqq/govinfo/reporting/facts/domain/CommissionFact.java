package cn.gov.eqq.govinfo.reporting.facts.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A commission (约稿) with its target units and the room's latest judgement of each answer.
 * A judgement of the same answer (unit and item) replaces the earlier one.
 */
public record CommissionFact(String id, String title, List<String> targetUnitIds, Instant deadline,
                             List<Answer> answers) {

    public CommissionFact {
        targetUnitIds = targetUnitIds == null ? List.of() : List.copyOf(targetUnitIds);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** @param accepted null while the room has not judged the answer yet */
    public record Answer(String unitId, String itemId, Instant submittedAt, Boolean accepted) {

        boolean isAccepted() {
            return Boolean.TRUE.equals(accepted);
        }

        boolean isRejected() {
            return Boolean.FALSE.equals(accepted);
        }

        public boolean onTime(Instant deadline) {
            return deadline != null && submittedAt != null && !submittedAt.isAfter(deadline);
        }
    }

    public CommissionFact issued(String title, List<String> targets, Instant deadline) {
        return new CommissionFact(id, title, targets, deadline, answers);
    }

    /** A new answer, or a judgement of one: replaces what was known of the same unit's answer with the same item. */
    public CommissionFact judged(Answer answer, Instant deadlineFromEvent) {
        List<Answer> next = without(answer.unitId(), answer.itemId());
        next.add(answer);
        return new CommissionFact(id, title, targetUnitIds, deadline == null ? deadlineFromEvent : deadline, next);
    }

    /** The item that answered was voided: the answer no longer counts, its judgement included. */
    public CommissionFact answerVoided(String unitId, String itemId) {
        return new CommissionFact(id, title, targetUnitIds, deadline, without(unitId, itemId));
    }

    private List<Answer> without(String unitId, String itemId) {
        List<Answer> next = new ArrayList<>();
        for (Answer a : answers) {
            if (!(a.unitId().equals(unitId) && a.itemId().equals(itemId))) {
                next.add(a);
            }
        }
        return next;
    }

    public static CommissionFact unknown(String id) {
        return new CommissionFact(id, null, List.of(), null, List.of());
    }

    /** How a target unit stands at {@code now}. */
    public Responsiveness responsivenessOf(String unitId, Instant now) {
        List<Answer> mine = answers.stream().filter(a -> a.unitId().equals(unitId)).toList();
        if (mine.stream().anyMatch(a -> a.isAccepted() && a.onTime(deadline))) {
            return Responsiveness.ANSWERED;
        }
        if (mine.stream().anyMatch(a -> a.onTime(deadline) && a.accepted() == null)) {
            return Responsiveness.PENDING; // answered in time, the room has not judged yet
        }
        if (mine.stream().anyMatch(a -> !a.onTime(deadline))) {
            return Responsiveness.LATE;
        }
        if (deadline != null && now.isAfter(deadline)) {
            return mine.stream().anyMatch(Answer::isRejected) ? Responsiveness.REJECTED : Responsiveness.MISSED;
        }
        return Responsiveness.PENDING;
    }

    /**
     * ANSWERED: an accepted answer submitted by the deadline (earns the bonus); LATE: answered after the deadline;
     * REJECTED: answered on time but not accepted, deadline passed; MISSED: nothing by the deadline;
     * PENDING: deadline not yet passed and nothing accepted, or an answer sent in time awaits the room's judgement.
     */
    public enum Responsiveness {
        ANSWERED, LATE, REJECTED, MISSED, PENDING;

        public boolean missed() {
            return this == LATE || this == REJECTED || this == MISSED;
        }
    }
}
