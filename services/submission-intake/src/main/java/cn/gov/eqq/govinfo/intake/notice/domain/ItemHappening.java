package cn.gov.eqq.govinfo.intake.notice.domain;

import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;

import java.time.Instant;

/**
 * One line of an item's trail as a notice needs it: which item (its title and where it stands now), what was done,
 * by whom, when and why.
 *
 * @param action the trail's action name (RETURNED, SENT_BACK_BY_LEADER, VOIDED, …)
 * @param reason the opinion or reason given with it, if any
 */
public record ItemHappening(String itemId, String title, ItemStatus status, String action, Instant at, String by,
                            String byName, String reason) {
}
