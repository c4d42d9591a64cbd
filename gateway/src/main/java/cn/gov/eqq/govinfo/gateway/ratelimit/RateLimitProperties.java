package cn.gov.eqq.govinfo.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-user request rate at the gateway (a token bucket per user and replica).
 *
 * @param enabled          off only for benchmarks that deliberately drive one user hard
 * @param capacity         burst: requests a user may send at once after being idle
 * @param refillPerSecond  sustained rate: tokens added per second, up to {@code capacity}
 * @param maxUsers         buckets kept in memory; beyond it, idle (full) buckets are dropped first
 * @param idleEviction     a bucket unused this long is full again and may be forgotten
 */
@ConfigurationProperties("govinfo.gateway.rate-limit")
public record RateLimitProperties(boolean enabled, int capacity, double refillPerSecond, int maxUsers,
                                  Duration idleEviction) {

    public RateLimitProperties {
        if (capacity < 1) {
            throw new IllegalArgumentException("govinfo.gateway.rate-limit.capacity 必须至少为 1");
        }
        if (!(refillPerSecond > 0)) {
            throw new IllegalArgumentException("govinfo.gateway.rate-limit.refill-per-second 必须大于 0");
        }
        if (maxUsers < 1) {
            maxUsers = 100_000;
        }
        if (idleEviction == null || idleEviction.isNegative() || idleEviction.isZero()) {
            idleEviction = Duration.ofMinutes(10);
        }
    }
}
