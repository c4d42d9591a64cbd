package cn.gov.eqq.govinfo.contracts.item;

import java.time.Instant;

/**
 * A unit submitted (or resubmitted) a revision of an item to the information room. Earns nothing yet. A revision
 * the room never receives — returned for revision, or withdrawn by its unit before the room acted (撤回, which
 * publishes nothing) — is followed, if the unit sends the item again, by an ItemSubmitted of the next revision.
 */
public record ItemSubmitted(String itemId, String unitId, int revision, String title, String category,
                            Instant submittedAt, String commissionId) implements ItemEvent {
}
