package cn.gov.eqq.govinfo.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by user key, in this replica's memory. N replicas behind a load balancer therefore let a user
 * through at up to N times the configured rate; docs/security.md says how to share the buckets instead.
 */
final class UserRateLimiter {

    private final RateLimitProperties properties;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    UserRateLimiter(RateLimitProperties properties, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
    }

    TokenBucket.Decision tryTake(String userKey) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= properties.maxUsers()) {
            forgetIdle(now);
        }
        return buckets.computeIfAbsent(userKey,
                key -> new TokenBucket(properties.capacity(), properties.refillPerSecond(), now)).tryTake(now);
    }

    int trackedUsers() {
        return buckets.size();
    }

    /** An idle bucket has refilled, so forgetting it changes nothing for its user; keeps memory bounded. */
    private void forgetIdle(long now) {
        long idle = properties.idleEviction().toNanos();
        buckets.entrySet().removeIf(entry -> entry.getValue().idleSince(now, idle));
        if (buckets.size() >= properties.maxUsers()) {
            // still full (a flood of distinct users): drop everything rather than grow without bound
            buckets.clear();
        }
    }
}
