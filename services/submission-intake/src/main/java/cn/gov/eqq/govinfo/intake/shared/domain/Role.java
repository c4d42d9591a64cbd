package cn.gov.eqq.govinfo.intake.shared.domain;

import java.util.Optional;

/** The realm roles that matter to intake, by their wire names. */
public enum Role {
    REPORTER("reporter"),
    UNIT_LEADER("unit-leader"),
    INFO_ROOM("info-room"),
    VIEWER("viewer"),
    ADMIN("admin"),
    DASHBOARD("dashboard");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
