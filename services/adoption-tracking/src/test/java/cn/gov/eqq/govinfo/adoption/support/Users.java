package cn.gov.eqq.govinfo.adoption.support;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** Tokens as Keycloak shapes them: realm roles under realm_access, the unit in unit_id. */
public final class Users {

    private Users() {
    }

    public static RequestPostProcessor room() {
        return user("room-editor", null, "info-room");
    }

    public static RequestPostProcessor reporterOf(String unitId) {
        return user("reporter-" + unitId, unitId, "reporter");
    }

    public static RequestPostProcessor viewer() {
        return user("leader", null, "viewer");
    }

    public static RequestPostProcessor user(String username, String unitId, String... roles) {
        return jwt().jwt(j -> {
            j.subject(username).claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", List.of(roles)));
            if (unitId != null) {
                j.claim("unit_id", unitId);
            }
        }).authorities(java.util.Arrays.stream(roles)
                .<org.springframework.security.core.GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList());
    }
}
