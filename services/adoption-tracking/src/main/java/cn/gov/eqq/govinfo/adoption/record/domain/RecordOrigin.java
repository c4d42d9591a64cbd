package cn.gov.eqq.govinfo.adoption.record.domain;

/** Where a record came from. */
public enum RecordOrigin {
    /** Entered by the room for one item (also late entries, 补录). */
    MANUAL,
    /** One source item's share of a combined adoption (综合采用). */
    COMBINED,
    /** A row of a spreadsheet import of past records. */
    IMPORTED
}
