package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.util.List;

/**
 * A unit's score for a month, quarter or year: points by source, items received against the quota, shortfall and
 * deduction, and the ledger entries that make it up (in date order).
 *
 * @param group         the unit's ranking group, or null when the unit directory does not know the unit
 * @param quota         the sum of the monthly quotas of the months of the period that have begun
 * @param shortfall     the sum of the monthly shortfalls (a surplus in one month does not make up another)
 * @param openMonths    months of the period still running: their shortfall shows but costs nothing yet
 */
public record UnitPeriodScore(String unitId, String unitName, Integer group, ReportingPeriod period, int points,
                              int submissionPoints, int forwardPoints, int adoptionPoints, int commissionPoints,
                              int deductionPoints, int receivedItems, int quota, int shortfall,
                              List<ReportingPeriod> openMonths, List<LedgerEntry> entries) {

    public UnitPeriodScore {
        openMonths = List.copyOf(openMonths);
        entries = List.copyOf(entries);
    }
}
