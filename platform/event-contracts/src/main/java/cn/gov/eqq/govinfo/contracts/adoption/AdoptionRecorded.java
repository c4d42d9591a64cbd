package cn.gov.eqq.govinfo.contracts.adoption;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A record was entered for an item. It counts in the period of {@code effectiveDate} (the publication's or the
 * instruction's own date, in Beijing time), even when entered late (补录).
 *
 * @param unitId           the unit of the item, when known to the recorder (scoring trusts the item's own unit)
 * @param publication      e.g. 鄂尔多斯政讯 (null for instructions)
 * @param issueNo          the publication's issue, e.g. 2026年第15期
 * @param leader           the instructing leader (instructions only)
 * @param combinedRecordId for 综合采用: the id shared by the records that credit each source item, else null
 * @param combinedPosition for 综合采用: the source's place in the combined record, 0 for the lead item (listed
 *                         first); null for a single adoption. Whether a source other than the lead earns points is
 *                         scoring's rule (the policy version's {@code combinedCredit}). Absent in records published
 *                         before it was carried: those were published only for sources that earned points.
 */
public record AdoptionRecorded(String recordId, String itemId, String unitId, String kind, String publication,
                               String issueNo, LocalDate effectiveDate, String leader, String note,
                               String combinedRecordId, String recordedBy, Instant recordedAt,
                               Integer combinedPosition)
        implements AdoptionEvent {

    /** A record as published before the combined position was carried. */
    public AdoptionRecorded(String recordId, String itemId, String unitId, String kind, String publication,
                            String issueNo, LocalDate effectiveDate, String leader, String note,
                            String combinedRecordId, String recordedBy, Instant recordedAt) {
        this(recordId, itemId, unitId, kind, publication, issueNo, effectiveDate, leader, note, combinedRecordId,
                recordedBy, recordedAt, null);
    }
}
