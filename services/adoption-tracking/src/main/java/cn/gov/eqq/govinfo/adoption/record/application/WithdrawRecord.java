package cn.gov.eqq.govinfo.adoption.record.application;

/** Withdraw one record of an item: why, and who withdraws it. */
public record WithdrawRecord(String itemId, String recordId, String reason, String by) {
}
