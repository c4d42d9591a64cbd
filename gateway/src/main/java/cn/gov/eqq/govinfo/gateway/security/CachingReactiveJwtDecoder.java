package cn.gov.eqq.govinfo.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the decoded {@link Jwt} of a token string that the delegate verified, so that the same access token on
 * the next request costs a map look-up instead of a JSON parse and an RSA signature check (the largest item in the
 * gateway's profile, docs/performance.md).
 *
 * <ul>
 *   <li>Keyed by the whole token string: a token that differs in one character (tampered) is a miss and goes to the
 *       delegate.</li>
 *   <li>Only tokens the delegate accepted are remembered; a failure is never cached.</li>
 *   <li>An entry is never served at or after the token's {@code exp}; a token without {@code exp} is not cached.</li>
 *   <li>On a hit the validator (issuer, audience, timestamps) runs again, so a rule is applied to every request.</li>
 *   <li>At most {@code maxEntries} tokens (Caffeine's size-bounded cache, which keeps the tokens in frequent
 *       use); maintenance runs on the caller's thread, so the bound holds when a call returns.</li>
 *   <li>Key rotation: a remembered token stays valid until its {@code exp}, as a JWT promises; revocation at
 *       Keycloak is not seen here (the services check every token themselves).</li>
 * </ul>
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /**
     * @param delegate   verifies signature and claims (and applies {@code validator} itself)
     * @param validator  the same claim rules, applied again to a remembered token
     * @param clock      decides expiry of remembered tokens
     * @param maxEntries how many tokens to remember at most
     */
    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, Clock clock,
                              int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("令牌缓存的容量必须至少为 1");
        }
        this.delegate = delegate;
        this.validator = validator;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
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

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = lookUp(token);
        if (known != null) {
            OAuth2TokenValidatorResult result = validator.validate(known);
            if (!result.hasErrors()) {
                return Mono.just(known);
            }
            forget(token);
            return Mono.error(new JwtValidationException("访问令牌未通过校验", result.getErrors()));
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    int size() {
        verified.cleanUp();
        return (int) verified.estimatedSize();
    }

    private Jwt lookUp(String token) {
        Jwt jwt = verified.getIfPresent(token);
        // the cache expires entries on its own; this makes "never at or after exp" exact to the nanosecond
        return jwt != null && clock.instant().isBefore(jwt.getExpiresAt()) ? jwt : null;
    }

    private void remember(String token, Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
            return;
        }
        verified.put(token, jwt);
    }

    private void forget(String token) {
        verified.invalidate(token);
    }
}
