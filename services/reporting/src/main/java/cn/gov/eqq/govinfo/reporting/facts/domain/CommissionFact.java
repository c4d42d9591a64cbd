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

    public record Answer(String unitId, String itemId, Instant submittedAt, boolean accepted) {

        public boolean onTime(Instant deadline) {
            return deadline != null && submittedAt != null && !submittedAt.isAfter(deadline);
        }
    }

    public CommissionFact issued(String title, List<String> targets, Instant deadline) {
        return new CommissionFact(id, title, targets, deadline, answers);
    }

    public CommissionFact judged(Answer answer, Instant deadlineFromJudgement) {
        List<Answer> next = new ArrayList<>();
        for (Answer a : answers) {
            if (!(a.unitId().equals(answer.unitId()) && a.itemId().equals(answer.itemId()))) {
                next.add(a);
            }
        }
        next.add(answer);
        return new CommissionFact(id, title, targetUnitIds, deadline == null ? deadlineFromJudgement : deadline, next);
    }

    public static CommissionFact unknown(String id) {
        return new CommissionFact(id, null, List.of(), null, List.of());
    }

    /** How a target unit stands at {@code now}. */
    public Responsiveness responsivenessOf(String unitId, Instant now) {
        boolean answeredOnTime = answers.stream()
                .anyMatch(a -> a.unitId().equals(unitId) && a.accepted() && a.onTime(deadline));
        if (answeredOnTime) {
            return Responsiveness.ANSWERED;
        }
        boolean late = answers.stream().anyMatch(a -> a.unitId().equals(unitId) && !a.onTime(deadline));
        if (late) {
            return Responsiveness.LATE;
        }
        boolean rejected = answers.stream().anyMatch(a -> a.unitId().equals(unitId) && !a.accepted());
        if (deadline != null && now.isAfter(deadline)) {
            return rejected ? Responsiveness.REJECTED : Responsiveness.MISSED;
        }
        return Responsiveness.PENDING;
    }

    /**
     * ANSWERED: an accepted answer submitted by the deadline (earns the bonus); LATE: answered after the deadline;
     * REJECTED: answered on time but not accepted, deadline passed; MISSED: nothing by the deadline;
     * PENDING: deadline not yet passed and nothing accepted.
     */
    public enum Responsiveness {
        ANSWERED, LATE, REJECTED, MISSED, PENDING;

        public boolean missed() {
            return this == LATE || this == REJECTED || this == MISSED;
        }
    }
}
