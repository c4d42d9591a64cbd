package cn.gov.eqq.govinfo.intake.shared.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Who acts, as the token says. The unit always comes from here, never from a request body.
 *
 * @param unitId null for people who belong to no reporting unit (the room, leaders of the banner)
 */
public record Actor(String userId, String displayName, String unitId, Set<Role> roles) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The room, banner leaders (viewers) and administrators see every unit; people of a unit only their own. */
    public boolean seesAllUnits() {
        return has(Role.INFO_ROOM) || has(Role.VIEWER) || has(Role.ADMIN);
    }

    /** A reporter or leader of a reporting unit, who sees and acts for that unit only. */
    public boolean worksForAUnit() {
        return unitId != null && (has(Role.REPORTER) || has(Role.UNIT_LEADER));
    }

    public boolean belongsTo(String otherUnitId) {
        return unitId != null && unitId.equals(otherUnitId);
    }
}
