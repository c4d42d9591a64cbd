package cn.gov.eqq.govinfo.adoption.importing.domain;

import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;

/** A line that matched an item and reads as a valid record; {@code importKey} is its fingerprint. */
public record PlannedRow(int line, String itemId, RecordContent content, String importKey) {

    /** Same row, same record id: a second import of it can be recognised wherever it lands. */
    public String recordId() {
        return "imp-" + importKey.substring(0, 24);
    }
}
