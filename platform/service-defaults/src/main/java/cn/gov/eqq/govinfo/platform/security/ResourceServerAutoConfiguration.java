package cn.gov.eqq.govinfo.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Every service is a stateless OAuth2 resource server for the Keycloak realm: it validates each token itself
 * (signature via the realm's JWKS, issuer, audience — configured in govinfo-defaults.yml), whatever the gateway did.
 * Fine-grained rules are {@code @PreAuthorize} on the controllers. The business API ({@code /api/**}) needs one of the
 * business roles: the auditor and the security administrator (三员分立, docs/identity.md) do no business; the auditor
 * reaches only the audit log ({@code govinfo.audit.path}), whose controller decides who reads it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    static {
        // CurrentUser is resolved from the verified token, not from the request: keep it out of every OpenAPI description
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain govinfoSecurityFilterChain(HttpSecurity http,
                                                   @Value("${govinfo.audit.path:}") String auditPath) throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies, no sessions: bearer tokens only
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers(auditPaths(auditPath)).authenticated()
                        .requestMatchers("/api/**").hasAnyRole(Roles.BUSINESS.toArray(String[]::new))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakJwt.authenticationConverter()))
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler())
                        // a token that cannot be checked because Keycloak is unreachable: 503, not Spring's 500
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(ProblemSecurityHandlers.bearerFailureHandler());
                                return filter;
                            }
                        }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()));
        return http.build();
    }

    /** The audit log and what is under it; a service without one has nothing here (a path no request takes). */
    private static String[] auditPaths(String auditPath) {
        return auditPath == null || auditPath.isBlank() ? new String[] {"/.no-audit-log"}
                : new String[] {auditPath, auditPath + "/**"};
    }

    @Bean
    WebMvcConfigurer currentUserResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
