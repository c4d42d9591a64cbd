package cn.gov.eqq.govinfo.gateway.portal;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Who is signed in, answered by the gateway from the session (the portal decides its menu from it; the services
 * still decide what each person may do). A bearer caller gets the same answer from its token.
 */
@RestController
class MeController {

    private final PeopleDirectory people;

    MeController(PeopleDirectory people) {
        this.people = people;
    }

    record Me(String username, String displayName, String unitId, List<String> roles) {
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        if (authentication.getPrincipal() instanceof OidcUser user) {
            Map<String, Object> claims = user.getClaims();
            return new Me(user.getPreferredUsername(), displayName(claims, user.getPreferredUsername()),
                    (String) claims.get(PortalUserService.UNIT), roles(claims.get(PortalUserService.ROLES)));
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String username = jwt.getClaimAsString("preferred_username");
            return new Me(username, displayName(jwt.getClaims(), username), jwt.getClaimAsString("unit_id"),
                    PortalUserService.realmRoles(jwt));
        }
        return new Me(authentication.getName(), authentication.getName(), null, List.of());
    }

    /**
     * The names of the people the reader may see (see {@link PeopleDirectory#visibleTo}): pages show 孙涛 where the
     * services answer the login name of who acted.
     */
    @GetMapping("/api/people")
    Mono<List<PeopleDirectory.Person>> people(Authentication authentication) {
        Me reader = me(authentication);
        return people.all().map(all -> PeopleDirectory.visibleTo(all, reader.roles(), reader.unitId()));
    }

    static PeopleDirectory.Person personOf(OidcUser user) {
        Map<String, Object> claims = user.getClaims();
        return new PeopleDirectory.Person(user.getPreferredUsername(),
                displayName(claims, user.getPreferredUsername()), (String) claims.get(PortalUserService.UNIT));
    }

    private static String displayName(Map<String, Object> claims, String fallback) {
        return claims.get("name") instanceof String name && !name.isBlank() ? name : fallback;
    }

    private static List<String> roles(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
