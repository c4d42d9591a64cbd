package cn.gov.eqq.govinfo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFreshBucketLetsTheWholeBurstThroughAndRefusesTheNext() {
        TokenBucket bucket = new TokenBucket(3, 1.0, 0L);

        assertThat(bucket.tryTake(0L).remaining()).isEqualTo(2);
        assertThat(bucket.tryTake(0L).remaining()).isEqualTo(1);
        assertThat(bucket.tryTake(0L).allowed()).isTrue();
        TokenBucket.Decision refused = bucket.tryTake(0L);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1L);
    }

    @Test
    void tokensComeBackAtTheConfiguredRateAndNeverBeyondCapacity() {
        TokenBucket bucket = new TokenBucket(2, 2.0, 0L);
        bucket.tryTake(0L);
        bucket.tryTake(0L);

        assertThat(bucket.tryTake(SECOND / 4).allowed()).as("half a token after 250 ms").isFalse();
        assertThat(bucket.tryTake(SECOND / 2).allowed()).as("one token after 500 ms").isTrue();
        assertThat(bucket.tryTake(SECOND / 2).allowed()).isFalse();

        // an hour idle refills to capacity, not to 7200
        long later = SECOND / 2 + 3600 * SECOND;
        assertThat(bucket.tryTake(later).allowed()).isTrue();
        assertThat(bucket.tryTake(later).allowed()).isTrue();
        assertThat(bucket.tryTake(later).allowed()).isFalse();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilOneTokenIsBack() {
        TokenBucket slow = new TokenBucket(1, 0.2, 0L);
        slow.tryTake(0L);

        assertThat(slow.tryTake(0L).retryAfterSeconds()).as("one token per 5 s").isEqualTo(5L);
        assertThat(slow.tryTake(SECOND + SECOND / 2).retryAfterSeconds()).as("3.5 s left → 4").isEqualTo(4L);
    }

    @Test
    void eachUserHasTheirOwnBucket() {
        AtomicLong clock = new AtomicLong();
        UserRateLimiter limiter = new UserRateLimiter(
                new RateLimitProperties(true, 2, 1.0, 1000, Duration.ofMinutes(10)), clock::get);

        assertThat(limiter.tryTake("sub:a").allowed()).isTrue();
        assertThat(limiter.tryTake("sub:a").allowed()).isTrue();
        assertThat(limiter.tryTake("sub:a").allowed()).isFalse();

        assertThat(limiter.tryTake("sub:b").allowed()).as("another user is not slowed by a").isTrue();
    }

    @Test
    void idleUsersAreForgottenWhenTheTableIsFullSoMemoryStaysBounded() {
        AtomicLong clock = new AtomicLong();
        UserRateLimiter limiter = new UserRateLimiter(
                new RateLimitProperties(true, 1, 1.0, 3, Duration.ofSeconds(60)), clock::get);
        limiter.tryTake("sub:1");
        limiter.tryTake("sub:2");
        limiter.tryTake("sub:3");
        assertThat(limiter.trackedUsers()).isEqualTo(3);

        clock.set(61 * SECOND);
        limiter.tryTake("sub:4");

        assertThat(limiter.trackedUsers()).isEqualTo(1);
    }

    @Test
    void aBusyUserIsNotResetByEvictionOfIdleOnes() {
        AtomicLong clock = new AtomicLong();
        UserRateLimiter limiter = new UserRateLimiter(
                new RateLimitProperties(true, 1, 0.01, 3, Duration.ofSeconds(60)), clock::get);
        limiter.tryTake("sub:idle-1");
        limiter.tryTake("sub:idle-2");
        clock.set(61 * SECOND);
        assertThat(limiter.tryTake("sub:busy").allowed()).isTrue();

        clock.set(62 * SECOND);
        limiter.tryTake("sub:new");

        assertThat(limiter.tryTake("sub:busy").allowed()).as("busy user's empty bucket was kept").isFalse();
    }
}
