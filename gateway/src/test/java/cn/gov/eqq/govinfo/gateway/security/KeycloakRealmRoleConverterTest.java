package cn.gov.eqq.govinfo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRealmRoleConverterTest {

    private final KeycloakRealmRoleConverter converter = new KeycloakRealmRoleConverter();

    @Test
    void realmRolesBecomeRoleAuthorities() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("reporter", "unit-leader"))));
        assertThat(converter.convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_reporter", "ROLE_unit-leader");
    }

    @Test
    void tokenWithoutRealmAccessHasNoAuthorities() {
        assertThat(converter.convert(jwt(Map.of("scope", "openid")))).isEmpty();
    }

    @Test
    void malformedRolesClaimIsIgnoredNotFatal() {
        assertThat(converter.convert(jwt(Map.of("realm_access", Map.of("roles", "admin"))))).isEmpty();
        assertThat(converter.convert(jwt(Map.of("realm_access", "admin")))).isEmpty();
        assertThat(converter.convert(jwt(Map.of("realm_access", Map.of("roles", List.of(1, "viewer"))))))
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_viewer");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                .subject("s").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
