package cn.gov.eqq.govinfo.gateway.security;

import cn.gov.eqq.govinfo.gateway.web.Problems;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway as an OAuth2 resource server for Keycloak: signature (realm JWKS), issuer, audience and expiry are
 * checked here; for {@code /api/**} the caller also needs one of the govinfo realm roles. The Authorization header
 * is forwarded unchanged, and the services check the token again with their own, finer rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                           GatewaySecurityProperties properties) {
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoleConverter());
        authentication.setPrincipalClaimName("preferred_username");
        ServerAuthenticationEntryPoint unauthorized = GatewaySecurityConfiguration::unauthorized;
        ServerAccessDeniedHandler forbidden = (exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                "forbidden", "您的账号没有访问政务信息系统接口的角色");
        ServerAuthenticationFailureHandler failure = (filterExchange, ex) ->
                ex instanceof AuthenticationServiceException
                        ? keycloakUnavailable(filterExchange.getExchange())
                        : unauthorized(filterExchange.getExchange(), ex);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // the services' OpenAPI documents: a client generator fetches them before it has a token
                        .pathMatchers(HttpMethod.GET, "/api-docs/*").permitAll()
                        .pathMatchers("/api/**").hasAnyRole(properties.apiRoles().toArray(String[]::new))
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authentication)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .authenticationFailureHandler(failure))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Keys come from the JWKS URI directly (no discovery at start), so the gateway starts while Keycloak is down;
     * when a token then cannot be checked because Keycloak is unreachable, the failure handler answers 503.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties) {
        HttpClient keycloak = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.keycloakConnectTimeout().toMillis())
                .responseTimeout(properties.keycloakResponseTimeout());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(keycloak)).build())
                .build();
        OAuth2TokenValidator<Jwt> rules = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(properties.audience())));
        decoder.setJwtValidator(rules);
        // A failed key fetch surfaces as the HTTP client's own exception, which Spring Security would let through
        // as a 500; as a (non-"bad") JwtException it becomes an AuthenticationServiceException, answered with 503.
        ReactiveJwtDecoder verifying = token -> decoder.decode(token).onErrorMap(e -> !(e instanceof JwtException),
                e -> new JwtException("无法从 Keycloak 获取签名公钥: " + e.getMessage(), e));
        if (properties.tokenCacheSize() < 1) {
            return verifying;
        }
        // a portal or machine client sends the same access token for its whole lifetime (5 min at Keycloak):
        // verify its signature once, re-apply the claim rules on every request
        return new CachingReactiveJwtDecoder(verifying, rules, Clock.systemUTC(), properties.tokenCacheSize());
    }

    /**
     * The security firewall refuses paths with encoded slashes, percent signs, line breaks or control characters
     * before any chain runs; by default that is a bare 400 without a body. Same problem shape as every other answer.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected",
                "请求地址含有不允许的字符（如编码的斜杠或百分号、换行、控制字符），已拒绝");
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException ex) {
        boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader("Authorization");
        exchange.getResponse().getHeaders().set("WWW-Authenticate",
                tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", tokenGiven
                ? "访问令牌无效：已过期、签名不符、签发方或受众不符，请重新登录"
                : "请先登录：请求未携带访问令牌");
    }

    private static Mono<Void> keycloakUnavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "auth-unavailable",
                "暂时无法连接身份认证服务（Keycloak）以验证令牌，请稍后重试");
    }
}
