package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;

/** Correct every source record of a combined adoption at once (its kind cannot change). */
public record CorrectCombined(String combinedRecordId, RecordContent content, String reason, String by) {
}
