package cn.gov.eqq.govinfo.contracts.item;

import java.time.Instant;

/** A unit submitted (or resubmitted) a revision of an item to the information room. Earns nothing yet. */
public record ItemSubmitted(String itemId, String unitId, int revision, String title, String category,
                            Instant submittedAt, String commissionId) implements ItemEvent {
}
