package cn.gov.eqq.govinfo.gateway.security;

import cn.gov.eqq.govinfo.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CachingReactiveJwtDecoderTest {

    private static final Instant T0 = Instant.parse("2026-07-01T02:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final FakeVerifier verifier = new FakeVerifier();
    private final AtomicBoolean rulesAccept = new AtomicBoolean(true);
    private final OAuth2TokenValidator<Jwt> rules = jwt -> rulesAccept.get()
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "iss 不符", null));

    private CachingReactiveJwtDecoder decoder(int maxEntries) {
        return new CachingReactiveJwtDecoder(verifier, rules, clock, maxEntries);
    }

    @Test
    void theSameTokenAgainIsServedFromTheCacheWithoutVerifyingItsSignatureAgain() {
        CachingReactiveJwtDecoder decoder = decoder(10);
        verifier.accept("token-a", T0.plus(Duration.ofMinutes(5)));

        Jwt first = decoder.decode("token-a").block();
        Jwt second = decoder.decode("token-a").block();

        assertThat(second).isSameAs(first);
        assertThat(verifier.calls).containsExactly("token-a");
    }

    @Test
    void aTokenNotSeenBeforeIsVerifiedEvenIfItDiffersInOneCharacter() {
        CachingReactiveJwtDecoder decoder = decoder(10);
        verifier.accept("token-a", T0.plus(Duration.ofMinutes(5)));
        decoder.decode("token-a").block();

        assertThatThrownBy(() -> decoder.decode("token-b").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls).containsExactly("token-a", "token-b");
    }

    @Test
    void aRememberedTokenIsServedUntilJustBeforeItsExpiryAndNeverAtOrAfterIt() {
        CachingReactiveJwtDecoder decoder = decoder(10);
        Instant exp = T0.plus(Duration.ofMinutes(5));
        verifier.accept("token-a", exp);
        decoder.decode("token-a").block();

        clock.set(exp.minusMillis(1));
        assertThat(decoder.decode("token-a").block()).isNotNull();
        assertThat(verifier.calls).hasSize(1);

        // at exp the cache does not answer: the verifier decides again (here: it says expired)
        clock.set(exp);
        verifier.reject("token-a");
        assertThatThrownBy(() -> decoder.decode("token-a").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls).hasSize(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aFailedTokenIsNotCachedSoEveryAttemptIsVerified() {
        CachingReactiveJwtDecoder decoder = decoder(10);
        verifier.reject("forged");

        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifier.calls).containsExactly("forged", "forged");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void theClaimRulesAreAppliedAgainOnAHitAndAFailedHitIsForgotten() {
        CachingReactiveJwtDecoder decoder = decoder(10);
        verifier.accept("token-a", T0.plus(Duration.ofMinutes(5)));
        decoder.decode("token-a").block();

        rulesAccept.set(false);
        assertThatThrownBy(() -> decoder.decode("token-a").block())
                .isInstanceOf(JwtValidationException.class)
                .satisfies(e -> assertThat(((JwtValidationException) e).getErrors())
                        .extracting(OAuth2Error::getDescription).containsExactly("iss 不符"));
        assertThat(decoder.size()).isZero();
        assertThat(verifier.calls).hasSize(1);
    }

    @Test
    void theCacheHoldsAtMostItsSizeAndVerifiesADroppedTokenAgain() {
        CachingReactiveJwtDecoder decoder = decoder(3);
        for (String token : List.of("t1", "t2", "t3", "t4")) {
            verifier.accept(token, T0.plus(Duration.ofMinutes(5)));
            decoder.decode(token).block();
        }
        assertThat(decoder.size()).isEqualTo(3);

        verifier.calls.clear();
        for (String token : List.of("t1", "t2", "t3", "t4")) {
            assertThat(decoder.decode(token).block().getSubject()).isEqualTo("user-" + token);
        }
        assertThat(verifier.calls).as("the dropped token is verified again; the three kept are not").isNotEmpty()
                .hasSizeLessThan(4);
        assertThat(decoder.size()).isEqualTo(3);
    }

    @Test
    void aTokenWithoutExpiryIsNeverCached() {
        CachingReactiveJwtDecoder decoder = decoder(10);
        verifier.accept("no-exp", null);

        decoder.decode("no-exp").block();
        decoder.decode("no-exp").block();

        assertThat(verifier.calls).containsExactly("no-exp", "no-exp");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> decoder(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Stands for the signature-checking decoder: accepts the tokens it was told to, records every call. */
    private static final class FakeVerifier implements ReactiveJwtDecoder {
        final List<String> calls = new ArrayList<>();
        private final Map<String, Jwt> accepted = new HashMap<>();

        void accept(String token, Instant expiresAt) {
            accepted.put(token, Jwt.withTokenValue(token).header("alg", "RS256").subject("user-" + token)
                    .issuedAt(T0).expiresAt(expiresAt).build());
        }

        void reject(String token) {
            accepted.remove(token);
        }

        @Override
        public Mono<Jwt> decode(String token) {
            calls.add(token);
            Jwt jwt = accepted.get(token);
            return jwt != null ? Mono.just(jwt) : Mono.error(new BadJwtException("签名不符"));
        }
    }
}
