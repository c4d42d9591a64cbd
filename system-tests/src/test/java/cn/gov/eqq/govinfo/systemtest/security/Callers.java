package cn.gov.eqq.govinfo.systemtest.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Forged callers (validly signed by the test key registered in the system's Keycloak): exactly the given roles,
 * the given unit (only reporters and unit leaders belong to a unit, like the demo accounts), a fresh subject each
 * time unless one is given — so the gateway's per-user rate limit never mixes the security tests with each other.
 * The units U048–U052 are used only by these tests (other system tests use U001, U006, U007).
 */
final class Callers {

    private Callers() {
    }

    static String withRoles(String unit, String... roles) {
        return withSubject(UUID.randomUUID().toString(), unit, roles);
    }

    static String withSubject(String subject, String unit, String... roles) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        claims.put("preferred_username", "security-" + String.join("-", roles) + "-" + (unit == null ? "none" : unit));
        claims.put("name", "安全测试 " + String.join("、", roles));
        claims.put("unit_id", unit);
        return SecuritySystem.get().forged.with(claims);
    }

    /** A caller with one role, in {@code unit} when the role belongs to a unit. */
    static String role(String role, String unit) {
        boolean unitRole = role.equals("reporter") || role.equals("unit-leader");
        return withRoles(unitRole ? unit : null, role);
    }
}
