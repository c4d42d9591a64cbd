package cn.gov.eqq.govinfo.adoption.record.domain;

import java.time.Instant;
import java.time.LocalDate;

/** The unit's account of what it did about an instruction (落实情况), and on which day it was done. */
public record FollowUpReport(String whatWasDone, LocalDate doneOn, String reportedBy, Instant reportedAt) {
}
