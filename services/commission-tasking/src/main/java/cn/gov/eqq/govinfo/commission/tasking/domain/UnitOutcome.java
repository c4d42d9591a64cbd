package cn.gov.eqq.govinfo.commission.tasking.domain;

/**
 * Where one target unit stands on one commission. When a unit sent several answers, the one that serves it best
 * counts: on time before late, then accepted before pending before rejected. Voided answers never count.
 *
 * Whether its items earn the notice's +10 is scoring's decision ({@link Commission#bonusItemsOf}).
 *
 * @param counted     the answer that counts, or null when the unit has not answered (or all its answers were voided)
 */
public record UnitOutcome(String unitId, Answer counted, boolean onTime, boolean deadlinePassed) {

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
