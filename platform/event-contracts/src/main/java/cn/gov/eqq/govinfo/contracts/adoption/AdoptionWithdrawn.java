package cn.gov.eqq.govinfo.contracts.adoption;

import java.time.Instant;

/** A record was withdrawn with a reason: as if it had never been recorded. */
public record AdoptionWithdrawn(String recordId, String itemId, String reason, String withdrawnBy,
                                Instant withdrawnAt) implements AdoptionEvent {
}
