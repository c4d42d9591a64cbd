package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.LocalDate;

/**
 * One change to a unit's score, with its cause and an explanation a person reads.
 *
 * @param entryId      stable: the same facts always give the same ids
 * @param itemId       the item that caused it (null for a deduction)
 * @param month        the month it counts in (Beijing calendar); quarters and years sum their months
 * @param date         the Beijing date of the fact that placed it in that month
 * @param rule         the rule that applied, e.g. {@code category:PROBLEM}, {@code adoption:CITY_BULLETIN_ADOPTED}
 * @param causeEventId the event whose fact this entry derives from (null for a deduction)
 * @param policyVersion the policy version that gave the points
 */
public record LedgerEntry(String entryId, String unitId, String itemId, ReportingPeriod month, LocalDate date,
                          PointSource source, String rule, int points, String explanation, String causeEventId,
                          String policyVersion) {
}
