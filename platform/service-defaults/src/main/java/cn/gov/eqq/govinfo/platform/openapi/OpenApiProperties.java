package cn.gov.eqq.govinfo.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govinfo.openapi.*}: how a service's OpenAPI document names it and where clients reach it.
 *
 * @param title       the service's title (e.g. 报送与考评：报送受理 submission-intake)
 * @param version     the API version (the project's version)
 * @param serverUrl   the gateway as the city reaches it ({@code GOVINFO_PUBLIC_BASE_URL}); paths are the same there
 * @param issuerUri   Keycloak's realm URL, for the OAuth2 flows' endpoints
 */
@ConfigurationProperties("govinfo.openapi")
public record OpenApiProperties(String title, String version, String description, String serverUrl,
                                String issuerUri) {
}
