package cn.gov.eqq.govinfo.commission.tasking.domain;

/**
 * Where one target unit stands on one commission. When a unit sent several answers, the one that serves it best
 * counts: on time before late, then accepted before pending before rejected. Voided answers never count.
 *
 * @param counted     the answer that counts, or null when the unit has not answered (or all its answers were voided)
 * @param bonusItems  how many of the unit's items for this commission earn the notice's +10 (每条加10分): delivered
 *                    by the deadline, not voided, accepted by the room — one unit may earn it more than once
 */
public record UnitOutcome(String unitId, Answer counted, boolean onTime, boolean deadlinePassed, int bonusItems) {

    public boolean answered() {
        return counted != null;
    }

    /** The deadline passed and nothing was submitted. */
    public boolean missed() {
        return counted == null && deadlinePassed;
    }

    public boolean open() {
        return counted == null && !deadlinePassed;
    }

    public boolean answeredOnTime() {
        return counted != null && onTime;
    }

    public boolean answeredLate() {
        return counted != null && !onTime;
    }

    public boolean accepted() {
        return counted != null && counted.accepted();
    }

    public boolean rejected() {
        return counted != null && counted.rejected();
    }

    public boolean awaitingJudgement() {
        return counted != null && counted.pending();
    }

    /**
     * The notice's +10 for at least one item: delivered by the deadline and accepted by the room. Scoring applies
     * it from events, once per such item ({@link #bonusItems()}).
     */
    public boolean earnsBonus() {
        return bonusItems > 0;
    }

    /** A short Chinese status for lists and circulars. */
    public String label() {
        if (counted == null) {
            return deadlinePassed ? "逾期未报" : "待报送";
        }
        String timing = onTime ? "按时报送" : "逾期报送";
        if (!counted.received()) {
            return timing + "，待信息室接收";
        }
        if (counted.pending()) {
            return timing + "，待审核";
        }
        return timing + (counted.accepted() ? "，已采纳" : "，未采纳：" + counted.judgement().reason());
    }
}
