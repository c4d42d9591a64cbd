package cn.gov.eqq.govinfo.adoption.record.domain;

/** What a command did to one record: the record as it is now, and the version the change added. */
public record RecordChange(AdoptionRecord record, RecordVersion version) {

    public ChangeType type() {
        return version.change();
    }
}
