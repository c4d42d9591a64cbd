package cn.gov.eqq.govinfo.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The browser goes to the public issuer; the gateway's own calls to Keycloak go to the internal address when one is
 * set — in compose the public host (localhost:8180) is, seen from inside the gateway's container, the gateway itself.
 */
class PortalClientRegistrationTest {

    private static final String PUBLIC = "http://localhost:8180/realms/govinfo";
    private static final String INTERNAL = "http://keycloak:8080/realms/govinfo";

    private static ClientRegistration registration(String internalUri) {
        return PortalClientRegistration.of(new PortalProperties(PUBLIC, internalUri, "govinfo-gateway", "secret",
                "keycloak", List.of("reporter")));
    }

    @Test
    void withAnInternalAddressTheGatewayRedeemsCodesAndFetchesKeysThereWhileTheBrowserUsesThePublicIssuer() {
        ClientRegistration.ProviderDetails provider = registration(INTERNAL).getProviderDetails();

        assertThat(provider.getAuthorizationUri()).isEqualTo(PUBLIC + "/protocol/openid-connect/auth");
        assertThat(provider.getConfigurationMetadata()).containsEntry("end_session_endpoint",
                PUBLIC + "/protocol/openid-connect/logout");
        assertThat(provider.getIssuerUri()).as("the tokens' iss").isEqualTo(PUBLIC);
        assertThat(provider.getTokenUri()).isEqualTo(INTERNAL + "/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri()).isEqualTo(INTERNAL + "/protocol/openid-connect/certs");
        assertThat(provider.getUserInfoEndpoint().getUri()).isEqualTo(INTERNAL + "/protocol/openid-connect/userinfo");
    }

    @Test
    void withoutOneEveryEndpointIsTheIssuers() {
        ClientRegistration.ProviderDetails provider = registration("").getProviderDetails();

        assertThat(provider.getTokenUri()).isEqualTo(PUBLIC + "/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri()).isEqualTo(PUBLIC + "/protocol/openid-connect/certs");
    }
}
