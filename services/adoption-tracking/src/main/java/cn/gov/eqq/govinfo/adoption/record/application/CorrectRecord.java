package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;

/** Correct one record of an item: its new content, why, and who corrects it. */
public record CorrectRecord(String itemId, String recordId, RecordContent content, String reason, String by) {
}
