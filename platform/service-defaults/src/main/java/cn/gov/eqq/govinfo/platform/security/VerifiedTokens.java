package cn.gov.eqq.govinfo.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The cache of verified tokens: at most {@code maxEntries}, each entry gone at its token's {@code exp} as the given
 * clock tells time (so a test's clock expires it). Maintenance runs on the caller's thread, so the bound holds when
 * a call returns.
 */
final class VerifiedTokens {

    private VerifiedTokens() {
    }

    static Cache<String, Jwt> cache(Clock clock, int maxEntries) {
        return Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) ->
                        Duration.between(clock.instant(), jwt.getExpiresAt())))
                .executor(Runnable::run)
                .build();
    }
}
