package cn.gov.eqq.govinfo.contracts.adoption;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The item's unit reported what it did about a leader's instruction that asked for a follow-up (批示落实情况).
 * For information (reporting, the room's dashboards): it changes no score.
 *
 * @param recordId    the instruction record
 * @param action      what the instruction asked for
 * @param dueDate     by when (Beijing date, inclusive)
 * @param whatWasDone the unit's account
 * @param doneOn      the Beijing date it was done
 * @param late        doneOn is after dueDate
 */
public record InstructionFollowUpReported(String recordId, String itemId, String unitId, String action,
                                          LocalDate dueDate, String whatWasDone, LocalDate doneOn, boolean late,
                                          String reportedBy, Instant reportedAt) implements AdoptionEvent {
}
