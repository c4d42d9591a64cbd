package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a record: the content it says from now on (for a withdrawal, the content it had), why it changed
 * (no reason for the first version), who changed it and when.
 */
public record RecordVersion(int number, ChangeType change, RecordContent content, String reason, String by,
                            Instant at) {

    public RecordVersion {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
