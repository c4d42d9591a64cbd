package cn.gov.eqq.govinfo.intake.item.domain;

import java.time.Instant;

/**
 * 代录: the information room entered the item for its unit, from what the unit sent by e-mail. Kept on the item for
 * good, so the unit and the room always read the item as 代录 (by whom, when), whatever happens to it later.
 *
 * @param by     user id of the room's person who entered it
 * @param byName their name, as their token gave it, for the mark 「代录（信息室 孙涛，…）」
 * @param at     when they entered it (the item's submission is the e-mail's time, not this)
 */
public record EnteredOnBehalf(String by, String byName, Instant at) {
}
