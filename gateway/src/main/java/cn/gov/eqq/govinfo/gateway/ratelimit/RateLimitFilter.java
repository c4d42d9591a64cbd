package cn.gov.eqq.govinfo.gateway.ratelimit;

import cn.gov.eqq.govinfo.gateway.web.Problems;
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
 * and never fills anyone's bucket.
 */
final class RateLimitFilter implements WebFilter, Ordered {

    private final UserRateLimiter limiter;

    RateLimitFilter(UserRateLimiter limiter) {
        this.limiter = limiter;
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
                .map(authentication -> Optional.of(limiter.tryTake(userKey(authentication))))
                .defaultIfEmpty(Optional.empty())
                .flatMap(decision -> decision.isEmpty() ? chain.filter(exchange) : apply(decision.get(), exchange, chain));
    }

    private static Mono<Void> apply(TokenBucket.Decision decision, ServerWebExchange exchange, WebFilterChain chain) {
        if (decision.allowed()) {
            exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
            return chain.filter(exchange);
        }
        long seconds = decision.retryAfterSeconds();
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", "0");
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "请求过于频繁：您的账号在短时间内发出的请求超过了上限，请 " + seconds + " 秒后重试");
    }

    /** The token's {@code sub} (stable across renames; the principal name is preferred_username), else the name. */
    static String userKey(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().getSubject() != null) {
            return "sub:" + jwt.getToken().getSubject();
        }
        return "user:" + authentication.getName();
    }
}
