package cn.gov.eqq.govinfo.gateway.portal;

import cn.gov.eqq.govinfo.gateway.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The portal's backend-for-frontend. A browser carries no Authorization header: it signs in through Keycloak's own
 * login page (authorization code with PKCE, confidential client), the tokens stay in the gateway's session, the
 * browser holds only the session cookie (HttpOnly, SameSite=Lax) and the TokenRelay filter puts the user's access
 * token on every {@code /api/**} call it relays. This chain sees only requests without an Authorization header
 * (and not the actuator); machine clients with a bearer token keep going through the resource-server chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class PortalSecurityConfiguration {

    /** Only the portal's own files are public; everything else behind the session. */
    private static final String[] PUBLIC = {"/", "/index.html", "/assets/**", "/favicon.ico"};

    @Bean
    ReactiveClientRegistrationRepository portalClientRegistrations(PortalProperties properties) {
        return new InMemoryReactiveClientRegistrationRepository(PortalClientRegistration.of(properties));
    }

    /**
     * The user's tokens are kept in the session, which lives in Redis (ADR 0013), not in the replica that finished
     * the sign-in: Spring's default keeps them in that replica's memory, and the TokenRelay filter of every other
     * replica then answered an API call with a new sign-in instead of relaying the token.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientsInTheSession() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                          PortalProperties properties, PeopleDirectory people,
                                          @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // PKCE also for the confidential client (RFC 9700): a stolen code is useless without the verifier
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");

        return http
                .securityMatcher(PortalSecurityConfiguration::browserRequest)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC).permitAll()
                        .pathMatchers("/api/me").authenticated()
                        .pathMatchers("/api/**").hasAnyRole(properties.apiRoles().toArray(String[]::new))
                        .anyExchange().permitAll())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authenticationSuccessHandler(rememberingWhoSignedIn(people,
                                new RedirectServerAuthenticationSuccessHandler("/")))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/?login-error")))
                .oauth2Client(client -> { })
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
                // cookie-to-header: the SPA reads XSRF-TOKEN and sends it as X-XSRF-TOKEN (or _csrf in a form);
                // the plain handler because the SPA sends the cookie's value as it is
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .requireCsrfProtectionMatcher(exchange -> changeWithSession(exchange, sessionCookie))
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "csrf", "页面已过期或请求来源不明（缺少防跨站请求伪造令牌），请刷新页面后重试")))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.mode(
                                org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode.DENY)))
                .exceptionHandling(handling -> handling
                        // the SPA asks /api/me and shows its own sign-in button: never a redirect for an API call
                        .authenticationEntryPoint((exchange, ex) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                                    "请先登录：请求未携带访问令牌");
                        })
                        .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "您的账号没有访问该功能的权限")))
                .build();
    }

    @Bean
    PeopleDirectory peopleDirectory(ReactiveStringRedisTemplate redis) {
        return new PeopleDirectory(redis);
    }

    /** The person's name goes to the people directory, then on to the portal (a Redis failure does not stop it). */
    static ServerAuthenticationSuccessHandler rememberingWhoSignedIn(PeopleDirectory people,
                                                                    ServerAuthenticationSuccessHandler then) {
        return (exchange, authentication) -> {
            Mono<Void> remember = authentication.getPrincipal() instanceof OidcUser user
                    ? people.remember(MeController.personOf(user)) : Mono.empty();
            return remember.then(then.onAuthenticationSuccess(exchange, authentication));
        };
    }

    @Bean
    PortalUserService portalUserService(ReactiveJwtDecoder jwtDecoder) {
        return new PortalUserService(jwtDecoder);
    }

    /** Requests of a browser: no Authorization header; the actuator stays with the resource-server chain. */
    private static Mono<ServerWebExchangeMatcher.MatchResult> browserRequest(ServerWebExchange exchange) {
        boolean bearer = exchange.getRequest().getHeaders().containsHeader("Authorization");
        boolean actuator = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator");
        return bearer || actuator ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatcher.MatchResult.match();
    }

    /**
     * CSRF protects what a session cookie authorises. A changing request without the cookie carries no credentials to
     * abuse: it goes on to authentication and gets the same 401 as any unauthenticated call (docs/security.md).
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> changeWithSession(ServerWebExchange exchange,
                                                                             String sessionCookie) {
        boolean withSession = exchange.getRequest().getCookies().containsKey(sessionCookie);
        return withSession ? CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange)
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /** The reactive CSRF token is lazy; subscribing to it makes the repository write the XSRF-TOKEN cookie. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    /**
     * Scripts, styles and calls only from the gateway itself; no framing; forms may lead only here and to Keycloak
     * (the sign-out form is answered with a redirect to Keycloak's logout, and Chrome checks form-action on it).
     */
    static String contentSecurityPolicy(PortalProperties properties) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + properties.issuerOrigin();
    }

}
