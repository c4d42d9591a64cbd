package cn.gov.eqq.govinfo.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what Keycloak puts in an access token: realm roles (nested under {@code realm_access}) and the unit. */
public final class KeycloakJwt {

    public static final String UNIT_CLAIM = "unit_id";

    private KeycloakJwt() {
    }

    public static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        Set<String> roles = new LinkedHashSet<>();
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        }
        return roles;
    }

    public static CurrentUser currentUser(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"),
                jwt.getClaimAsString(UNIT_CLAIM), realmRoles(jwt));
    }

    /** JWT → authentication with {@code ROLE_<realm role>} authorities. */
    public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return jwt -> {
            List<GrantedAuthority> authorities = realmRoles(jwt).stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            String name = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
        };
    }
}
