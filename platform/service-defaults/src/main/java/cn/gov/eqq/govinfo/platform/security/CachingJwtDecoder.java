package cn.gov.eqq.govinfo.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the decoded {@link Jwt} of a token string that the delegate verified, so that the same access token on
 * the next request of the same user costs a map look-up instead of a JSON parse and an RSA signature check (16 % of
 * submission-intake's and 24 % of scoring's CPU under the end-to-end load, docs/performance.md). The servlet twin of
 * the gateway's {@code CachingReactiveJwtDecoder}, with the same rules:
 *
 * <ul>
 *   <li>Keyed by the whole token string: a token that differs in one character (tampered) is a miss and goes to the
 *       delegate.</li>
 *   <li>Only tokens the delegate accepted are remembered; a failure (bad signature, wrong issuer or audience,
 *       expired, Keycloak unreachable) is never cached and is thrown to the caller as the delegate threw it.</li>
 *   <li>An entry is never served at or after the token's {@code exp}; a token without {@code exp} is not cached.</li>
 *   <li>On a hit only time matters, so the claim validators are not run again: the signature covers the claims, so
 *       the claims of one token string cannot change, and the delegate's issuer and audience checks give the same
 *       answer for the same claims at any time. Of the time checks, {@code nbf} only becomes truer as time passes;
 *       {@code exp} is checked here, without the delegate's clock-skew allowance (after {@code exp} the delegate
 *       decides again, and such a token is not remembered).</li>
 *   <li>At most {@code maxEntries} tokens (Caffeine's size-bounded cache, which keeps the tokens in frequent
 *       use; while requests insert concurrently it may hold one more per insert in flight).</li>
 *   <li>Key rotation: a remembered token stays valid until its {@code exp}, as a JWT promises; revocation at
 *       Keycloak is not seen here, as it was not before (the decoder never asked Keycloak about a token).</li>
 * </ul>
 *
 * Thread-safe: Caffeine's cache; nothing is locked during the delegate's work, so concurrent requests with new
 * tokens verify them in parallel.
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final int maxEntries;
    private final Cache<String, Jwt> verified;

    /**
     * @param delegate   verifies signature and claims (Boot's decoder with its validators)
     * @param clock      decides expiry of remembered tokens
     * @param maxEntries how many tokens to remember at most
     */
    CachingJwtDecoder(JwtDecoder delegate, Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("令牌缓存的容量必须至少为 1");
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxEntries = maxEntries;
        this.verified = VerifiedTokens.cache(clock, maxEntries);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = lookUp(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        remember(token, jwt);
        return jwt;
    }

    /** The decoder this one wraps (for diagnostics and tests). */
    JwtDecoder delegate() {
        return delegate;
    }

    int maxEntries() {
        return maxEntries;
    }

    int size() {
        verified.cleanUp();
        return (int) verified.estimatedSize();
    }

    private Jwt lookUp(String token) {
        if (token == null) {
            return null;
        }
        Jwt jwt = verified.getIfPresent(token);
        // the cache expires entries on its own; this makes "never at or after exp" exact to the nanosecond
        return jwt != null && clock.instant().isBefore(jwt.getExpiresAt()) ? jwt : null;
    }

    private void remember(String token, Jwt jwt) {
        Instant expiresAt = jwt == null ? null : jwt.getExpiresAt();
        if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
            return;
        }
        verified.put(token, jwt);
    }
}
