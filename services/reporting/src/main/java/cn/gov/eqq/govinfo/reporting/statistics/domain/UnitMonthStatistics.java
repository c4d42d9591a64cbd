package cn.gov.eqq.govinfo.reporting.statistics.domain;

import java.util.Map;

/**
 * The office's figures for one unit and one month (Beijing calendar).
 *
 * @param byCategory        received items per category (BRIEF, DYNAMIC, ...)
 * @param byTopic           received items per focus topic (an item may carry several)
 * @param goodNews          喜: items with polarity GOOD_NEWS
 * @param problems          忧: items with polarity PROBLEM
 * @param balance           喜忧兼报: share of problem items among items with a polarity (0..1), null when none
 * @param timeliness        days from the event to the submission of the received revision
 * @param adoptedItems      received items of the month that higher levels adopted or forwarded (any date)
 * @param adoptionRate      adoptedItems / receivedItems, null when nothing was received
 * @param group             the group the unit belonged to in that month (0: not a member then)
 * @param commissions       the unit's commissions whose deadline falls in the month, and its commission bonuses
 */
public record UnitMonthStatistics(String unitId, String unitName, int group, String month, int receivedItems,
                                  Map<String, Integer> byCategory, Map<String, Integer> byTopic, int goodNews,
                                  int problems, Double balance, Timeliness timeliness, int adoptedItems,
                                  Double adoptionRate, CommissionResponse commissions) {

    public UnitMonthStatistics {
        byCategory = Map.copyOf(byCategory);
        byTopic = Map.copyOf(byTopic);
    }

    /** @param itemsWithEventDate how many items the figures are taken over */
    public record Timeliness(int itemsWithEventDate, Double averageDays, Integer medianDays, Integer maxDays) {
    }

    /**
     * @param responseRate answered on time and accepted / (targets whose deadline has passed), null when none
     * @param bonusItems   the unit's items that earned the commission bonus in the month, as scoring counts them
     *                     (每条加10分: one COMMISSION line per accepted on-time item, by the answer's month)
     * @param bonusPoints  the points of those lines (both null in circulars stored before they were kept)
     */
    public record CommissionResponse(int targeted, int answered, int late, int rejected, int missed, int pending,
                                     Double responseRate, Integer bonusItems, Integer bonusPoints) {
    }
}
