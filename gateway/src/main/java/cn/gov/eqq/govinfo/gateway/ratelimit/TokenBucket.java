package cn.gov.eqq.govinfo.gateway.ratelimit;

/**
 * One user's token bucket: starts full with {@code capacity} tokens, refills continuously at {@code refillPerSecond},
 * each request takes one. Time is passed in (nanoseconds) so tests need no sleeping.
 */
final class TokenBucket {

    private final int capacity;
    private final double refillPerNano;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes one token if there is one; otherwise says how long until there will be. */
    synchronized Decision tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1d) {
            tokens -= 1d;
            return new Decision(true, (int) Math.floor(tokens), 0L);
        }
        long waitNanos = (long) Math.ceil((1d - tokens) / refillPerNano);
        return new Decision(false, 0, waitNanos);
    }

    /** Whether the bucket has not been touched since {@code idleNanos} before {@code nowNanos}. */
    synchronized boolean idleSince(long nowNanos, long idleNanos) {
        return nowNanos - lastRefillNanos >= idleNanos;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            lastRefillNanos = nowNanos;
        }
    }

    /**
     * @param allowed   whether the request may pass
     * @param remaining whole tokens left after this request
     * @param waitNanos when refused: time until one token is back
     */
    record Decision(boolean allowed, int remaining, long waitNanos) {

        /** Retry-After in whole seconds, at least 1 (the header has no fractions). */
        long retryAfterSeconds() {
            return Math.max(1L, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }
}
