package cn.gov.eqq.govinfo.intake.unit.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reporting unit (报送单位). Units, their names and groups are data the administrator keeps: units get renamed,
 * move groups, merge (the old one is deactivated and keeps its history).
 *
 * @param group the ranking group; rankings are always within a group
 */
public record Unit(String id, String name, int group, boolean active) {

    private static final Pattern ID = Pattern.compile("^U\\d{3,6}$");
    public static final int MAX_NAME = 50;

    public Unit {
        Objects.requireNonNull(id, "id");
        name = name == null ? null : name.strip();
    }

    /** Checks a unit as an administrator would create or change it; an empty list means valid. */
    public static List<UnitViolation> check(String id, String name, Integer group) {
        List<UnitViolation> v = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            v.add(new UnitViolation("unitId", "单位编号格式应为 U 加 3 至 6 位数字，如 U053"));
        }
        if (name == null || name.isBlank()) {
            v.add(new UnitViolation("name", "单位名称不能为空"));
        } else if (name.strip().length() > MAX_NAME) {
            v.add(new UnitViolation("name", "单位名称不能超过" + MAX_NAME + "字"));
        }
        if (group == null || group < 1 || group > 99) {
            v.add(new UnitViolation("group", "分组应为 1 至 99 的整数"));
        }
        return v;
    }

    /** The administrator's change: rename, move group, (de)activate. Returns the same unit when nothing changes. */
    public Unit change(String newName, Integer newGroup, Boolean newActive) {
        return new Unit(id, newName == null ? name : newName, newGroup == null ? group : newGroup,
                newActive == null ? active : newActive);
    }

    public record UnitViolation(String field, String message) {
    }
}
