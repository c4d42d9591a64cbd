package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Instant;

/**
 * A unit's answer: an item linked to the commission. The latest submitted revision is the one that counts;
 * {@code judgement} is null until the room judges it, {@code voidedReason} is set once the room voids the item.
 */
public record Answer(String itemId, String unitId, int revision, Instant submittedAt, boolean received,
                     Judgement judgement, String voidedReason, Instant voidedAt) {

    public boolean voided() {
        return voidedAt != null;
    }

    public boolean counts() {
        return !voided();
    }

    public boolean pending() {
        return judgement == null;
    }

    public boolean accepted() {
        return judgement != null && judgement.accepted();
    }

    public boolean rejected() {
        return judgement != null && !judgement.accepted();
    }

    Answer withRevision(int newRevision, Instant newSubmittedAt, boolean nowReceived) {
        // A newer revision is a new text: the room judges it afresh.
        return new Answer(itemId, unitId, newRevision, newSubmittedAt, nowReceived, null, voidedReason, voidedAt);
    }

    Answer markReceived() {
        return new Answer(itemId, unitId, revision, submittedAt, true, judgement, voidedReason, voidedAt);
    }

    Answer judged(Judgement newJudgement) {
        return new Answer(itemId, unitId, revision, submittedAt, received, newJudgement, voidedReason, voidedAt);
    }

    Answer voidedBecause(String reason, Instant at) {
        return new Answer(itemId, unitId, revision, submittedAt, received, judgement, reason, at);
    }
}
