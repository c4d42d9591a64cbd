package cn.gov.eqq.govinfo.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-user rate limit of {@code /api/**}; {@code govinfo.gateway.rate-limit.enabled=false} turns it off. The
 * buckets are Spring Cloud Gateway's {@link RedisRateLimiter} (its Lua script runs in Redis, so the replicas share
 * them); this limiter replaces the gateway's default bean, which would read its rates from route filters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "govinfo.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    RedisRateLimiter redisRateLimiter(RateLimitProperties properties) {
        RedisRateLimiter limiter = new RedisRateLimiter(properties.tokensPerSecond(),
                (long) properties.capacity() * properties.tokensPerRequest(), properties.tokensPerRequest());
        return limiter;
    }

    @Bean
    RateLimitFilter rateLimitFilter(RedisRateLimiter limiter, RateLimitProperties properties) {
        return new RateLimitFilter(limiter, properties);
    }
}
