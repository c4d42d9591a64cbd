package cn.gov.eqq.govinfo.adoption.importing.domain;

import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;

/**
 * A line that names an item and reads as a valid record; {@code importKey} is its fingerprint.
 *
 * @param waiting the item is not yet received here (its {@code ItemReceived} not yet consumed, or not yet heard of
 *                at all): the line waits in the item's document and is recorded when the item is received
 */
public record PlannedRow(int line, String itemId, RecordContent content, String importKey, boolean waiting) {

    /** Same row, same record id: a second import of it can be recognised wherever it lands. */
    public String recordId() {
        return "imp-" + importKey.substring(0, 24);
    }
}
