package cn.gov.eqq.govinfo.adoption.record.application;

import java.time.LocalDate;

/** The item's own unit reports what it did about an instruction, and on which day it was done. */
public record ReportFollowUp(String itemId, String recordId, String unitId, String whatWasDone, LocalDate doneOn,
                             String by) {
}
