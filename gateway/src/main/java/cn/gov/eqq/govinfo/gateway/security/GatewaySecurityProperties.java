package cn.gov.eqq.govinfo.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the gateway checks before it routes.
 *
 * @param issuerUri   expected {@code iss} (the Keycloak realm URL)
 * @param jwkSetUri   where the realm's public keys are fetched (lazily, on the first token)
 * @param audience    required entry of {@code aud}
 * @param apiRoles    realm roles of which a caller needs at least one for {@code /api/**}; services check the rest
 * @param keycloakConnectTimeout  connect timeout towards Keycloak
 * @param keycloakResponseTimeout response timeout towards Keycloak
 * @param tokenCacheSize          verified access tokens remembered until their expiry (0 = verify every request)
 */
@ConfigurationProperties("govinfo.gateway.security")
public record GatewaySecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> apiRoles,
                                        Duration keycloakConnectTimeout, Duration keycloakResponseTimeout,
                                        int tokenCacheSize) {
}
