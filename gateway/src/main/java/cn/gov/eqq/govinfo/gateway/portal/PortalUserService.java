package cn.gov.eqq.govinfo.gateway.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The signed-in person of the portal. Keycloak puts the realm roles only into the access token, so the roles (and the
 * unit) are read from the access token the gateway just received, checked by the same decoder as every bearer token
 * (signature, issuer, audience {@code govinfo-api}). The session then carries the same {@code ROLE_<role>}
 * authorities as a bearer caller has.
 */
final class PortalUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ROLES = "govinfo_roles";
    static final String UNIT = "unit_id";

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder accessTokens;

    PortalUserService(ReactiveJwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return delegate.loadUser(request).zipWith(accessTokens.decode(request.getAccessToken().getTokenValue()))
                .map(pair -> withRealmRoles(pair.getT1(), pair.getT2()));
    }

    static OidcUser withRealmRoles(OidcUser user, Jwt accessToken) {
        List<String> roles = realmRoles(accessToken);
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        Map<String, Object> claims = new LinkedHashMap<>(user.getUserInfo() == null ? Map.of()
                : user.getUserInfo().getClaims());
        claims.put(ROLES, roles);
        Object unit = accessToken.getClaims().get(UNIT);
        if (unit instanceof String unitId && !unitId.isBlank()) {
            claims.put(UNIT, unitId);
        }
        if (!claims.containsKey("sub")) {
            claims.put("sub", user.getSubject());
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(claims), "preferred_username");
    }

    static List<String> realmRoles(Jwt jwt) {
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> roles) {
            return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
