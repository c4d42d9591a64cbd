package cn.gov.eqq.govinfo.gateway.portal;

import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The Keycloak registration built from the issuer by Keycloak's fixed endpoint paths instead of OIDC discovery at
 * start: discovery would make the gateway fail to start while Keycloak is still starting (the gateway is pinned to
 * start without Keycloak). The end-session endpoint is given too, so sign-out can end the Keycloak session. The browser
 * is sent to the public issuer (authorization, sign-out); the gateway's own calls (token, keys, user info) go to the
 * internal address where one is configured: in a container network the public host may be the gateway itself.
 */
final class PortalClientRegistration {

    private PortalClientRegistration() {
    }

    static ClientRegistration of(PortalProperties p) {
        String oidc = p.issuerUri() + "/protocol/openid-connect";
        String backchannel = p.backchannelUri() + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(p.registrationId())
                .clientId(p.clientId())
                .clientSecret(p.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(oidc + "/auth")
                .tokenUri(backchannel + "/token")
                .jwkSetUri(backchannel + "/certs")
                .userInfoUri(backchannel + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(p.issuerUri())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .clientName("鄂托克前旗政务信息系统")
                .build();
    }
}
