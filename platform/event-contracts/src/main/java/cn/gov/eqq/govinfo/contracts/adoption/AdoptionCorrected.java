package cn.gov.eqq.govinfo.contracts.adoption;

import java.time.Instant;
import java.time.LocalDate;

/** A record was corrected with a reason: its new state replaces the old one for scoring. */
public record AdoptionCorrected(String recordId, String itemId, String unitId, String kind, String publication,
                                String issueNo, LocalDate effectiveDate, String leader, String note,
                                String reason, String correctedBy, Instant correctedAt) implements AdoptionEvent {
}
