package cn.gov.eqq.govinfo.scoring.rules.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact about an item, taken from one event. Facts only add to or replace what is known about an item, and the
 * merge of facts is commutative and idempotent, so arrival order and duplicates cannot change the result.
 */
public sealed interface ItemFact {

    String eventId();

    String itemId();

    /** The room received a revision of the item; it counts in the month of {@code submittedAt}. */
    record Received(String eventId, String itemId, String unitId, int revision, String title, String category,
                    boolean majorEmergency, Instant submittedAt, Instant receivedAt, String commissionId)
            implements ItemFact {
    }

    /**
     * The room corrected how the received revision {@code revision} is classified; the latest correction (by
     * {@code correctedAt}) is how the item counts.
     */
    record Corrected(String eventId, String itemId, String unitId, int revision, String category,
                     boolean majorEvent, boolean majorEmergency, String reason, Instant correctedAt)
            implements ItemFact {
    }

    /** The room voided the item: it counts nowhere. */
    record Voided(String eventId, String itemId, String unitId, String reason, Instant voidedAt) implements ItemFact {
    }

    /** The room forwarded the item to the city government. */
    record Forwarded(String eventId, String itemId, String unitId, Instant forwardedAt) implements ItemFact {
    }

    /**
     * The state of an adoption or instruction record as recorded or corrected; the state with the latest
     * {@code changedAt} wins. {@code combinedRecordId} / {@code combinedPosition} say which source of a combined
     * adoption (综合采用) it is (position 0 = the lead; null = a single adoption, or not said); {@code enteredAt} is
     * when the record was first entered (orders records of one date; null when only a correction was heard).
     */
    record AdoptionState(String eventId, String itemId, String recordId, String unitId, String kind,
                         String publication, String issueNo, String leader, LocalDate effectiveDate,
                         Instant changedAt, String combinedRecordId, Integer combinedPosition, Instant enteredAt)
            implements ItemFact {

        /** A state that says nothing of a combined adoption or of when the record was first entered. */
        public AdoptionState(String eventId, String itemId, String recordId, String unitId, String kind,
                             String publication, String issueNo, String leader, LocalDate effectiveDate,
                             Instant changedAt) {
            this(eventId, itemId, recordId, unitId, kind, publication, issueNo, leader, effectiveDate, changedAt, null,
                    null, null);
        }

        /**
         * This state, with what only the recording said (the combined adoption it belongs to, when it was entered)
         * taken from {@code other} where this one lacks it: a correction replaces the content, not the record's
         * origin.
         */
        AdoptionState withOriginOf(AdoptionState other) {
            if (other == null) {
                return this;
            }
            return new AdoptionState(eventId, itemId, recordId, unitId, kind, publication, issueNo, leader,
                    effectiveDate, changedAt, combinedRecordId != null ? combinedRecordId : other.combinedRecordId,
                    combinedPosition != null ? combinedPosition : other.combinedPosition,
                    enteredAt != null ? enteredAt : other.enteredAt);
        }
    }

    /** A record was withdrawn: as if never recorded, whatever arrives for it later. */
    record AdoptionWithdrawal(String eventId, String itemId, String recordId, String reason, Instant withdrawnAt)
            implements ItemFact {
    }

    /** The room judged this item as the answer to a commission; a later judgement replaces an earlier one. */
    record CommissionJudgement(String eventId, String itemId, String commissionId, String unitId,
                               Instant answerSubmittedAt, Instant deadline, boolean accepted, String reason,
                               Instant judgedAt) implements ItemFact {

        public boolean onTime() {
            return !answerSubmittedAt.isAfter(deadline);
        }
    }

    /**
     * A unit submitted a revision of this item as its answer to a commission. The highest revision is the answer the
     * room must judge: a judgement of an earlier revision no longer earns the bonus.
     */
    record CommissionAnswer(String eventId, String itemId, String commissionId, String unitId, int revision,
                            Instant submittedAt) implements ItemFact {
    }

    /** The room voided this item as the answer to a commission: the bonus of that commission goes, for good. */
    record CommissionAnswerVoid(String eventId, String itemId, String commissionId, String reason, Instant voidedAt)
            implements ItemFact {
    }
}
