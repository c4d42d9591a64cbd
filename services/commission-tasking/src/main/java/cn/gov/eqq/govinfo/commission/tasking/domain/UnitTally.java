package cn.gov.eqq.govinfo.commission.tasking.domain;

/**
 * One unit's commission figures for a circular: commissions received, and of those answered on time, answered
 * late, accepted, rejected, awaiting judgement and missed (deadline passed, nothing sent) — each counted once per
 * commission by the answer that serves the unit best — and {@code bonusEarned}: the <em>items</em> scoring credited
 * with the +10 (每条加10分), so two credited items for one commission count 2.
 */
public record UnitTally(String unitId, int received, int answeredOnTime, int answeredLate, int accepted,
                        int rejected, int awaitingJudgement, int missed, int bonusEarned) {

    public static UnitTally empty(String unitId) {
        return new UnitTally(unitId, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    UnitTally plus(UnitOutcome o, int bonusItems) {
        return new UnitTally(unitId, received + 1,
                answeredOnTime + (o.answeredOnTime() ? 1 : 0),
                answeredLate + (o.answeredLate() ? 1 : 0),
                accepted + (o.accepted() ? 1 : 0),
                rejected + (o.rejected() ? 1 : 0),
                awaitingJudgement + (o.awaitingJudgement() ? 1 : 0),
                missed + (o.missed() ? 1 : 0),
                bonusEarned + bonusItems);
    }
}
