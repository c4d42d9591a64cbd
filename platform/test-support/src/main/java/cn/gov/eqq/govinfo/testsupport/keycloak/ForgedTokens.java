package cn.gov.eqq.govinfo.testsupport.keycloak;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens for negative tests. Each one is wrong in exactly one way, so a 401 proves that particular check:
 * <ul>
 *   <li>{@link #wellFormed()} — the positive control: claims like a real reporter token, signed with a throwaway
 *       key that {@link KeycloakTestServer} registered in the realm as a <em>passive</em> (verification-only) key,
 *       so it is published in the realm's JWKS and must be accepted;</li>
 *   <li>{@link #expired()}, {@link #wrongIssuer()}, {@link #wrongAudience()}, {@link #withRoles(String...)} —
 *       validly signed, one claim wrong;</li>
 *   <li>{@link #signedByUnknownKey()} — right claims and {@code kid}, signature by a key the realm never saw;</li>
 *   <li>{@link #tampered(String)} — a real token whose payload was changed after signing;</li>
 *   <li>{@link #algNone(String)} — a real token's claims, unsigned ({@code alg=none}).</li>
 * </ul>
 */
public final class ForgedTokens {

    private final String issuer;
    private final RSAKey trustedKey;
    private final RSAKey strangerKey;

    ForgedTokens(String issuer, RSAKey trustedKey) {
        this.issuer = issuer;
        this.trustedKey = trustedKey;
        try {
            this.strangerKey = new RSAKeyGenerator(2048).keyID(trustedKey.getKeyID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims like a real access token of {@code u001-reporter}: valid for 5 minutes, audience govinfo-api. */
    public Map<String, Object> reporterClaims() {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("aud", List.of("govinfo-api", "account"));
        claims.put("azp", Tokens.GATEWAY_CLIENT_ID);
        claims.put("typ", "Bearer");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("scope", "openid profile email");
        claims.put("realm_access", Map.of("roles", List.of("default-roles-govinfo", "reporter")));
        claims.put("unit_id", "U001");
        claims.put("preferred_username", "forged-reporter");
        return claims;
    }

    /** Valid in every respect; signed with the key registered in the realm. */
    public String wellFormed() {
        return sign(reporterClaims(), trustedKey);
    }

    /** Valid except that it expired ten minutes ago (beyond any clock-skew allowance). */
    public String expired() {
        Map<String, Object> claims = reporterClaims();
        Instant past = Instant.now().minus(Duration.ofMinutes(15));
        claims.put("iat", past.getEpochSecond());
        claims.put("exp", past.plus(Duration.ofMinutes(5)).getEpochSecond());
        return sign(claims, trustedKey);
    }

    /** Valid except that {@code iss} names another realm. */
    public String wrongIssuer() {
        Map<String, Object> claims = reporterClaims();
        claims.put("iss", issuer.replaceAll("/realms/[^/]+$", "/realms/master"));
        return sign(claims, trustedKey);
    }

    /** Valid except that {@code aud} lacks {@code govinfo-api}. */
    public String wrongAudience() {
        Map<String, Object> claims = reporterClaims();
        claims.put("aud", List.of("account"));
        return sign(claims, trustedKey);
    }

    /** Valid, with exactly these realm roles (none of the govinfo roles when called without arguments). */
    public String withRoles(String... roles) {
        Map<String, Object> claims = reporterClaims();
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        return sign(claims, trustedKey);
    }

    /** Valid, with the given claims replaced or added (a {@code null} value removes the claim). */
    public String with(Map<String, Object> changes) {
        Map<String, Object> claims = reporterClaims();
        changes.forEach((name, value) -> {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
        });
        return sign(claims, trustedKey);
    }

    /** Right claims and {@code kid}, but signed by a key the realm does not know. */
    public String signedByUnknownKey() {
        return sign(reporterClaims(), strangerKey);
    }

    /** The given (real) token with its payload changed after signing: roles widened to {@code admin}. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        Map<String, Object> claims = payload(token);
        claims.put("realm_access", Map.of("roles", List.of("admin", "info-room", "reporter")));
        String payload = Base64URL.encode(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims)).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** The given (real) token's claims, unsigned, with header {@code {"alg":"none"}}. */
    public static String algNone(String token) {
        try {
            return new PlainJWT(JWTClaimsSet.parse(payload(token))).serialize();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The decoded payload of a compact JWT (no verification). */
    public static Map<String, Object> payload(String token) {
        String[] parts = token.split("\\.");
        try {
            return new LinkedHashMap<>(com.nimbusds.jose.util.JSONObjectUtils.parse(
                    new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)));
        } catch (ParseException e) {
            throw new IllegalArgumentException("不是 JWT: " + token, e);
        }
    }

    /** The {@code kid} of the registered test key. */
    public String keyId() {
        return trustedKey.getKeyID();
    }

    private static String sign(Map<String, Object> claims, RSAKey key) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            claims.forEach((name, value) -> builder.claim(name, switch (name) {
                case "iat", "exp", "nbf" -> Date.from(Instant.ofEpochSecond(((Number) value).longValue()));
                default -> value;
            }));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
