package cn.gov.eqq.govinfo.intake.notice.domain;

import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;

import java.time.Instant;
import java.util.Optional;

/**
 * What a person of a unit must know about the unit's items (站内提醒): the room returned, voided, received, forwarded
 * or corrected one, the unit's leader sent one back or signed it, and — for a leader — an item waiting for sign-off.
 * Derived from the items' trail, nothing stored of its own; what the reader did themself is no news to them.
 *
 * @param key    stable across reads: the item, the action and its instant
 * @param detail the opinion or reason given, if any
 */
public record UnitNotice(String key, Kind kind, String itemId, String title, Instant at, String byName,
                         String text, String detail) {

    /** The kinds of notices, with their Chinese names as the list shows them. */
    public enum Kind {
        RETURNED("退回修改"),
        SENT_BACK_BY_LEADER("签批退回"),
        VOIDED("作废"),
        RECEIVED("已接收"),
        FORWARDED_TO_CITY("已转报"),
        CORRECTED("更正"),
        SIGNED_OFF("已签批"),
        SIGN_OFF_REQUESTED("签批请求");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The notice this line of the trail is for {@code reader}, if it is one. */
    public static Optional<UnitNotice> of(ItemHappening h, Actor reader) {
        if (h.by() != null && h.by().equals(reader.userId())) {
            return Optional.empty();
        }
        Kind kind;
        try {
            kind = Kind.valueOf(h.action());
        } catch (IllegalArgumentException notANotice) {
            return Optional.empty(); // drafts, submissions, withdrawals: the unit's own doing
        }
        if (kind == Kind.SIGN_OFF_REQUESTED
                && (!reader.has(Role.UNIT_LEADER) || h.status() != ItemStatus.AWAITING_SIGN_OFF)) {
            // a request is the leader's, and only while the item still waits for them
            return Optional.empty();
        }
        String title = "《" + h.title() + "》";
        String text = switch (kind) {
            case RETURNED -> "信息室退回了" + title + "，请修改后重新报送";
            case SENT_BACK_BY_LEADER -> "单位领导" + name(h) + "退回了" + title + "，请修改后重新报送";
            case VOIDED -> "信息室作废了" + title;
            case RECEIVED -> "信息室已接收" + title;
            case FORWARDED_TO_CITY -> title + "已由信息室转报市政府";
            case CORRECTED -> "信息室更正了" + title + "的分类";
            case SIGNED_OFF -> "单位领导" + name(h) + "已签批" + title + "，信息已报送信息室";
            case SIGN_OFF_REQUESTED -> title + "是重大事件信息，等待您签批";
        };
        String key = h.itemId() + ":" + h.action() + ":" + h.at().toEpochMilli();
        return Optional.of(new UnitNotice(key, kind, h.itemId(), h.title(), h.at(), h.byName(), text,
                h.reason() == null || h.reason().isBlank() ? null : h.reason()));
    }

    private static String name(ItemHappening h) {
        return h.byName() == null || h.byName().isBlank() ? "" : h.byName();
    }

    /** Read when the reader's read-up-to mark is at or after it. */
    public boolean readBy(Instant readUpTo) {
        return readUpTo != null && !at.isAfter(readUpTo);
    }
}
