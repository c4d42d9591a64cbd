package cn.gov.eqq.govinfo.testsupport.web;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * MockMvc users whose tokens have the shape Keycloak gives them (realm roles under {@code realm_access}, the unit in
 * {@code unit_id}), for web slice tests; tests against the real Keycloak use {@code testsupport.keycloak.Tokens}.
 */
public final class KeycloakJwtUsers {

    private KeycloakJwtUsers() {
    }

    public static JwtRequestPostProcessor room() {
        return user("room-editor", null, "info-room");
    }

    /** 安全审计员: the only role that reads the audit logs. */
    public static JwtRequestPostProcessor auditor() {
        return user("auditor", null, "auditor");
    }

    public static JwtRequestPostProcessor admin() {
        return user("admin", null, "admin");
    }

    public static JwtRequestPostProcessor reporter(String unitId) {
        return user("reporter-" + unitId, unitId, "reporter");
    }

    public static JwtRequestPostProcessor viewer() {
        return user("leader", null, "viewer");
    }

    public static JwtRequestPostProcessor user(String username, String unitId, String... roles) {
        return jwt().jwt(j -> {
            j.subject(username).claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", List.of(roles)));
            if (unitId != null) {
                j.claim("unit_id", unitId);
            }
        }).authorities(Arrays.stream(roles)
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }
}
