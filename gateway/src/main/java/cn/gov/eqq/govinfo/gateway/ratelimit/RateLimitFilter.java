package cn.gov.eqq.govinfo.gateway.ratelimit;

import cn.gov.eqq.govinfo.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits {@code /api/**} calls per signed-in user: a bearer caller by the token's subject, a portal session by its
 * principal. Runs after Spring Security (order 0 &gt; -100), so an unauthenticated call was already answered 401
 * and never fills anyone's bucket. The buckets live in Redis (see {@link RateLimitConfiguration}).
 */
final class RateLimitFilter implements WebFilter, Ordered {

    /** The limiter's configuration key: one set of rates for all of {@code /api/**}. */
    static final String LIMIT_ID = "api";

    private final RateLimiter<?> limiter;
    private final int tokensPerRequest;
    private final long retryAfterSeconds;

    RateLimitFilter(RateLimiter<?> limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.tokensPerRequest = properties.tokensPerRequest();
        this.retryAfterSeconds = properties.retryAfterSeconds();
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        // decide first, then act once: a Mono<Void> chain completes empty, so switchIfEmpty after it would run
        // the rest of the chain a second time
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .flatMap(authentication -> limiter.isAllowed(LIMIT_ID, userKey(authentication)).map(Optional::of))
                .defaultIfEmpty(Optional.empty())
                .flatMap(decision -> decision.isEmpty() ? chain.filter(exchange) : apply(decision.get(), exchange, chain));
    }

    private Mono<Void> apply(RateLimiter.Response decision, ServerWebExchange exchange, WebFilterChain chain) {
        String remaining = decision.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        if (decision.isAllowed()) {
            // -1 when Redis did not answer and the request passed unlimited: no figure to give
            if (remaining != null && !remaining.startsWith("-")) {
                exchange.getResponse().getHeaders().set(RedisRateLimiter.REMAINING_HEADER,
                        Long.toString(Long.parseLong(remaining) / tokensPerRequest));
            }
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        exchange.getResponse().getHeaders().set(RedisRateLimiter.REMAINING_HEADER, "0");
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "请求过于频繁：您的账号在短时间内发出的请求超过了上限，请 " + retryAfterSeconds + " 秒后重试");
    }

    /** The token's {@code sub} (stable across renames; the principal name is preferred_username), else the name. */
    static String userKey(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().getSubject() != null) {
            return "sub:" + jwt.getToken().getSubject();
        }
        return "user:" + authentication.getName();
    }
}
