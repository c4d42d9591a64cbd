package cn.gov.eqq.govinfo.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-user request rate at the gateway: one token bucket per user, kept in Redis so that every replica draws from it.
 *
 * @param enabled         off only for benchmarks that deliberately drive one user hard
 * @param capacity        burst: requests a user may send at once after being idle
 * @param refillPerSecond sustained rate: tokens added per second, up to {@code capacity}
 */
@ConfigurationProperties("govinfo.gateway.rate-limit")
public record RateLimitProperties(boolean enabled, int capacity, double refillPerSecond) {

    public RateLimitProperties {
        if (capacity < 1) {
            throw new IllegalArgumentException("govinfo.gateway.rate-limit.capacity 必须至少为 1");
        }
        if (!(refillPerSecond > 0)) {
            throw new IllegalArgumentException("govinfo.gateway.rate-limit.refill-per-second 必须大于 0");
        }
    }

    /**
     * Tokens one request costs. Redis's bucket counts whole tokens per second, so a rate below one request per second
     * is expressed as a request costing several tokens (0.01/s = 100 tokens a request, 1 token a second).
     */
    public int tokensPerRequest() {
        return refillPerSecond >= 1 ? 1 : (int) Math.round(1 / refillPerSecond);
    }

    /** Tokens added per second. */
    public int tokensPerSecond() {
        return (int) Math.max(1, Math.round(refillPerSecond * tokensPerRequest()));
    }

    /** Seconds after which an empty bucket holds one request again. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil((double) tokensPerRequest() / tokensPerSecond()));
    }
}
