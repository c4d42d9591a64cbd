package cn.gov.eqq.govinfo.gateway.portal;

import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The Keycloak registration built from the issuer by Keycloak's fixed endpoint paths instead of OIDC discovery at
 * start: discovery would make the gateway fail to start while Keycloak is still starting (the gateway is pinned to
 * start without Keycloak). The end-session endpoint is given too, so sign-out can end the Keycloak session.
 */
final class PortalClientRegistration {

    private PortalClientRegistration() {
    }

    static ClientRegistration of(PortalProperties p) {
        String oidc = p.issuerUri() + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(p.registrationId())
                .clientId(p.clientId())
                .clientSecret(p.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(oidc + "/auth")
                .tokenUri(oidc + "/token")
                .jwkSetUri(oidc + "/certs")
                .userInfoUri(oidc + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(p.issuerUri())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .clientName("鄂托克前旗政务信息系统")
                .build();
    }
}
