package cn.gov.eqq.govinfo.intake.item.domain;

import java.time.Instant;

/**
 * One submitted version of an item. Revisions are never changed after the room decided on them (or the unit withdrew
 * them), so that every version the unit sent can be read and compared later.
 *
 * @param number      1 for the first submission, +1 for each resubmission
 * @param signedOffBy the unit leader who signed this version off (major events), else null
 * @param opinion     the room's opinion when it returned this version
 * @param signOffOpinion the leader's opinion given with the sign-off (签批意见), optional; null in revisions stored
 *                    before the sign-off took one
 */
public record Revision(int number, ItemContent content, Instant submittedAt, String submittedBy,
                       String signedOffBy, Instant signedOffAt, Outcome outcome, String decidedBy, Instant decidedAt,
                       String opinion, String signOffOpinion) {

    public enum Outcome {
        PENDING("待接收"),
        RECEIVED("已接收"),
        RETURNED("已退回"),
        /** the unit took it back before the room acted on it (撤回): it never counted, like a returned version */
        WITHDRAWN("已撤回");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    Revision decided(Outcome newOutcome, String by, Instant at, String withOpinion) {
        return new Revision(number, content, submittedAt, submittedBy, signedOffBy, signedOffAt, newOutcome, by, at,
                withOpinion, signOffOpinion);
    }
}
