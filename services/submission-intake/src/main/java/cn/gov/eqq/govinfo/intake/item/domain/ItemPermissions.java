package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException.Kind.FORBIDDEN;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException.Kind.NOT_FOUND;

/**
 * Who may see and do what. People of a unit (reporters, unit leaders) see only their own unit's items, and an
 * item of another unit is answered as "not found" so that its existence is not disclosed; the room, banner
 * leaders and administrators see all units. A visible item acted on without the right role is "forbidden".
 */
public final class ItemPermissions {

    private ItemPermissions() {
    }

    public static boolean canSee(Actor actor, String itemUnitId) {
        return actor.seesAllUnits()
                || ((actor.has(Role.REPORTER) || actor.has(Role.UNIT_LEADER)) && actor.belongsTo(itemUnitId));
    }

    public static void requireVisible(Actor actor, String itemUnitId) {
        if (!canSee(actor, itemUnitId)) {
            throw notFound();
        }
    }

    /** Reading an item or its files: who sees its unit, and nobody once its draft was deleted. */
    public static void requireReadable(Actor actor, Item item) {
        if (item.status() == ItemStatus.DELETED) {
            throw notFound();
        }
        requireVisible(actor, item.unitId());
    }

    /** Drafting, editing and submitting: a reporter of the item's own unit. */
    public static void requireReporterOf(Actor actor, String itemUnitId) {
        if (!actor.belongsTo(itemUnitId)) {
            // even the room may not write for a unit; others must not learn that the item exists
            if (canSee(actor, itemUnitId)) {
                throw new ItemRuleException(FORBIDDEN, "item.not-own-unit", "只能为本单位报送信息");
            }
            throw notFound();
        }
        if (!actor.has(Role.REPORTER)) {
            throw new ItemRuleException(FORBIDDEN, "item.reporter-only", "只有本单位报送人可以编辑和报送信息");
        }
    }

    /** Signing off or sending back a major-event item: a leader of the item's own unit. */
    public static void requireLeaderOf(Actor actor, String itemUnitId) {
        if (!actor.belongsTo(itemUnitId)) {
            if (canSee(actor, itemUnitId)) {
                throw new ItemRuleException(FORBIDDEN, "item.not-own-unit", "只能签批本单位的信息");
            }
            throw notFound();
        }
        if (!actor.has(Role.UNIT_LEADER)) {
            throw new ItemRuleException(FORBIDDEN, "item.leader-only", "只有本单位分管信息工作领导或主要领导可以签批");
        }
    }

    /** Receiving, returning, voiding, forwarding: the information room only. */
    public static void requireRoom(Actor actor, String itemUnitId) {
        requireVisible(actor, itemUnitId);
        if (!actor.has(Role.INFO_ROOM)) {
            throw new ItemRuleException(FORBIDDEN, "item.room-only", "只有旗政府办信息室可以执行此操作");
        }
    }

    public static ItemRuleException notFound() {
        return new ItemRuleException(NOT_FOUND, "item.not-found", "信息不存在或无权查看");
    }
}
