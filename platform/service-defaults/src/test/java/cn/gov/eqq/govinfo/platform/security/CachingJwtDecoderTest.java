package cn.gov.eqq.govinfo.platform.security;

import cn.gov.eqq.govinfo.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant T0 = Instant.parse("2026-07-01T02:00:00Z");

    private static RSAKey signingKey;

    private final MutableClock clock = new MutableClock(T0);
    private final FakeVerifier verifier = new FakeVerifier();

    @BeforeAll
    static void generateKey() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
    }

    // --- against a real RS256 verifier (Nimbus, as Boot builds it), on the real clock ---

    @Test
    void theSameTokenAgainIsServedFromTheCacheWithoutVerifyingItsSignatureAgain() throws Exception {
        CountingDecoder nimbus = new CountingDecoder(NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build());
        CachingJwtDecoder decoder = new CachingJwtDecoder(nimbus, Clock.systemUTC(), 10);
        String token = signed("reporter", Instant.now().plus(Duration.ofMinutes(5)));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("reporter");
        assertThat(nimbus.calls).hasValue(1);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsAMissAndTheVerifierRejectsIt() throws Exception {
        CountingDecoder nimbus = new CountingDecoder(NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build());
        CachingJwtDecoder decoder = new CachingJwtDecoder(nimbus, Clock.systemUTC(), 10);
        String token = signed("reporter", Instant.now().plus(Duration.ofMinutes(5)));
        decoder.decode(token);

        String tampered = withSubject(token, "admin");

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThat(nimbus.calls).as("both attempts reached the verifier").hasValue(3);
        assertThat(decoder.size()).isEqualTo(1);
        assertThat(decoder.decode(token).getSubject()).isEqualTo("reporter");
    }

    // --- against a fake verifier, on a fixed clock ---

    @Test
    void aRememberedTokenIsServedUntilJustBeforeItsExpiryAndNeverAtOrAfterIt() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 10);
        Instant exp = T0.plus(Duration.ofMinutes(5));
        verifier.accept("token-a", exp);
        decoder.decode("token-a");

        clock.set(exp.minusMillis(1));
        assertThat(decoder.decode("token-a").getExpiresAt()).isEqualTo(exp);
        assertThat(verifier.calls).hasSize(1);

        // at exp the cache does not answer: the verifier decides again (here: it says expired)
        clock.set(exp);
        verifier.reject("token-a");
        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls).hasSize(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTokenAcceptedAfterItsExpiryWithinTheVerifiersClockSkewIsNotRemembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 10);
        verifier.accept("token-a", T0.minusSeconds(30));

        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(verifier.calls).hasSize(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsNeverRemembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 10);
        verifier.accept("token-a", null);

        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(verifier.calls).hasSize(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aRejectedTokenIsNotRememberedAndIsCheckedAgainEachTime() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 10);
        verifier.reject("token-a");

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls).hasSize(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aFailureToCheckIsPassedOnAsThrownAndNotRemembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 10);
        // Keycloak unreachable: a plain JwtException, which the bearer filter turns into a 503
        verifier.unreachable = true;
        assertThatThrownBy(() -> decoder.decode("token-a"))
                .isExactlyInstanceOf(JwtException.class)
                .hasMessageContaining("JWK set");

        verifier.unreachable = false;
        verifier.accept("token-a", T0.plus(Duration.ofMinutes(5)));
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("user-of-token-a");
        assertThat(verifier.calls).hasSize(2);
    }

    @Test
    void aFullCacheDropsATokenAndStillAnswersEveryTokenWithItsOwnClaims() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 2);
        Instant exp = T0.plus(Duration.ofMinutes(5));
        for (String token : List.of("token-a", "token-b", "token-c")) {
            verifier.accept(token, exp);
            decoder.decode(token);
        }
        assertThat(decoder.size()).isEqualTo(2);

        verifier.calls.clear();
        for (String token : List.of("token-a", "token-b", "token-c")) {
            assertThat(decoder.decode(token).getSubject()).isEqualTo("user-of-" + token);
        }
        assertThat(verifier.calls).as("the dropped token is verified again; the two kept are not").isNotEmpty()
                .hasSizeLessThan(3);
        assertThat(decoder.size()).isEqualTo(2);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new CachingJwtDecoder(verifier, clock, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("至少为 1");
    }

    @Test
    void concurrentRequestsGetTheirOwnTokensClaimsAndTheBoundHolds() throws Exception {
        int threads = 8;
        int tokens = 200;
        int capacity = 50;
        Instant exp = T0.plus(Duration.ofMinutes(5));
        for (int i = 0; i < tokens; i++) {
            verifier.accept("token-" + i, exp);
        }
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, capacity);
        AtomicInteger wrong = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int n = 0; n < 5_000; n++) {
                        // a hot set (tokens 0..39) that fits, and every 50th request one of a tail of 160 that
                        // forces evictions
                        int i = n % 50 == 0 ? 40 + (n * 7 + seed) % (tokens - 40) : (n + seed) % 40;
                        if (!decoder.decode("token-" + i).getSubject().equals("user-of-token-" + i)) {
                            wrong.incrementAndGet();
                        }
                        // while others insert, the bound may be passed by at most the inserts in flight
                        assertThat(decoder.size()).isLessThanOrEqualTo(capacity + threads);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(wrong).hasValue(0);
        assertThat(decoder.size()).isLessThanOrEqualTo(capacity);
        assertThat(verifier.calls.size()).as("the hot set was served from the cache")
                .isLessThan(threads * 5_000 / 4);
    }

    private static String signed(String subject, Instant exp) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer("http://issuer.test")
                .issueTime(Date.from(Instant.now())).expirationTime(Date.from(exp)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    /** The token with its payload's subject changed after signing. */
    private static String withSubject(String token, String subject) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        String changed = payload.replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"" + subject + "\"");
        assertThat(changed).isNotEqualTo(payload);
        return parts[0] + "." + Base64URL.encode(changed) + "." + parts[2];
    }

    private static final class CountingDecoder implements JwtDecoder {
        final AtomicInteger calls = new AtomicInteger();
        private final JwtDecoder delegate;

        CountingDecoder(JwtDecoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            return delegate.decode(token);
        }
    }

    /** Accepts the tokens it was told to, with the given expiry; records every call. */
    private static final class FakeVerifier implements JwtDecoder {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
        private final Map<String, Boolean> withoutExpiry = new ConcurrentHashMap<>();
        volatile boolean unreachable;

        void accept(String token, Instant exp) {
            if (exp == null) {
                withoutExpiry.put(token, true);
                accepted.remove(token);
            } else {
                accepted.put(token, exp);
                withoutExpiry.remove(token);
            }
        }

        void reject(String token) {
            accepted.remove(token);
            withoutExpiry.remove(token);
        }

        @Override
        public Jwt decode(String token) {
            calls.add(token);
            if (unreachable) {
                throw new JwtException("An error occurred while attempting to decode the Jwt: Couldn't retrieve remote JWK set");
            }
            Instant exp = accepted.get(token);
            if (exp == null && !withoutExpiry.containsKey(token)) {
                throw new BadJwtException("签名或声明无效: " + token);
            }
            Map<String, Object> claims = new HashMap<>();
            claims.put("sub", "user-of-" + token);
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").claims(c -> c.putAll(claims))
                    .issuedAt(T0.minusSeconds(60));
            if (exp != null) {
                jwt.expiresAt(exp);
            }
            return jwt.build();
        }
    }
}
