package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * 代录: the information room enters an item for a unit that still sends by e-mail. The item is the unit's and reaches
 * the room's inbox at once, as sent at the e-mail's time; it publishes the ItemSubmitted a unit's own submission
 * would (no new event type: scoring, commission-tasking and reporting read it unchanged).
 */
public class EnteringOnBehalf {

    /**
     * @param sentAt when the unit sent it (the e-mail's time); null means now
     */
    public record EnterOnBehalf(String unitId, Instant sentAt, ItemContent content, String origin) {
    }

    private final HandlingItems items;
    private final Function<String, Optional<Unit>> units;

    public EnteringOnBehalf(HandlingItems items, Function<String, Optional<Unit>> units) {
        this.items = items;
        this.units = units;
    }

    public Item enter(Actor room, EnterOnBehalf command) {
        if (!room.has(Role.INFO_ROOM)) {
            throw UseCaseFailure.forbidden("item.room-only", "只有旗政府办信息室可以代录信息");
        }
        if (command.unitId() == null || command.unitId().isBlank()) {
            throw UseCaseFailure.invalid("item.unit-required", "请选择报送单位").withField("unitId", "请选择报送单位");
        }
        Unit unit = units.apply(command.unitId()).orElseThrow(() -> UseCaseFailure
                .invalid("item.unknown-unit", "报送单位 " + command.unitId() + " 不存在")
                .withField("unitId", "报送单位不存在"));
        if (!unit.active()) {
            String message = unit.name() + "已不是报送单位，不能为其代录信息";
            throw UseCaseFailure.invalid("item.unit-inactive", message).withField("unitId", message);
        }
        return items.insertSent(room, command.origin(), now -> Item.enteredOnBehalf(UUID.randomUUID().toString(),
                unit.id(), command.content(), command.sentAt(), room, now));
    }
}
