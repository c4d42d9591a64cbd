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
 */
public record AdoptionRecorded(String recordId, String itemId, String unitId, String kind, String publication,
                               String issueNo, LocalDate effectiveDate, String leader, String note,
                               String combinedRecordId, String recordedBy, Instant recordedAt)
        implements AdoptionEvent {
}
