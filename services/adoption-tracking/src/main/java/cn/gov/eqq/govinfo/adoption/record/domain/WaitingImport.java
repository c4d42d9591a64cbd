package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;

/**
 * A line of an accepted import that names an item not yet received here (intake's {@code ItemReceived} not yet
 * consumed): kept in the item's own document and recorded when the item is received.
 *
 * @param batchId   the import it belongs to
 * @param line      its line in the file
 * @param recordId  the record id it will take (from its fingerprint)
 * @param importKey its fingerprint
 */
public record WaitingImport(String batchId, int line, String recordId, String importKey, RecordContent content,
                            String by, Instant at) {
}
