package cn.gov.eqq.govinfo.scoring.rules.domain;

import java.time.LocalDate;

/**
 * How one adoption or instruction record of an item was read under the rule "only the highest counts"
 * (同一条信息…按最高积分进行计算), taking the item's records in date order (same date: in the order entered).
 *
 * @param kindLabel   the kind's Chinese label in the version in force on {@code effectiveDate} (null if none)
 * @param kindPoints  what the kind is worth on that date, before the item's rules (0 before the first version or
 *                    for a kind the version does not know)
 * @param countable   what it may earn on this item: 0 when withdrawn, not credited (综合采用), an instruction on a
 *                    重大紧急 item, before the first version or of an unknown kind
 * @param counts      this is the record that gives the item its adoption value
 * @param addedPoints what it added in its own month: the amount by which it raised the best value so far
 * @param explanation why, in Chinese
 */
public record AdoptionReading(String recordId, String kind, String kindLabel, LocalDate effectiveDate, int kindPoints,
                              int countable, boolean counts, int addedPoints, String explanation) {
}
