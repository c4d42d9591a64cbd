package cn.gov.eqq.govinfo.gateway.portal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's sign-in through Keycloak (backend-for-frontend).
 *
 * @param issuerUri      the realm URL as the browser reaches it (Keycloak runs with {@code --hostname} set to it)
 * @param internalUri    the realm URL as the gateway reaches it inside the cluster or the compose network, for the
 *                       server-to-server calls (token, keys, user info); empty = the issuer URL
 * @param clientId       the confidential client the gateway signs people in with
 * @param clientSecret   its secret, from the environment in production
 * @param registrationId Spring's name for the registration; the login starts at /oauth2/authorization/{id}
 * @param apiRoles       realm roles of which a signed-in person needs one for {@code /api/**}
 */
@ConfigurationProperties("govinfo.gateway.portal")
public record PortalProperties(String issuerUri, String internalUri, String clientId, String clientSecret,
                               String registrationId, List<String> apiRoles) {

    /** Where the gateway itself calls Keycloak: the internal address when there is one. */
    String backchannelUri() {
        return internalUri == null || internalUri.isBlank() ? issuerUri : internalUri;
    }

    /** {@code http://host:port} of the issuer: the only foreign origin a portal form may lead to (the logout). */
    String issuerOrigin() {
        java.net.URI uri = java.net.URI.create(issuerUri);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
