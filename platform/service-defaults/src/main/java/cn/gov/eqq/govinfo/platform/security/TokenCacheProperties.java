package cn.gov.eqq.govinfo.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code govinfo.security.token-cache.*}: the cache of verified access tokens ({@link CachingJwtDecoder}).
 *
 * @param enabled    false = every request verifies its token again (the behaviour before the cache)
 * @param maxEntries how many tokens to remember at most, least recently used dropped first
 */
@ConfigurationProperties("govinfo.security.token-cache")
public record TokenCacheProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("" + CachingJwtDecoder.DEFAULT_MAX_ENTRIES) int maxEntries) {

    public TokenCacheProperties {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("govinfo.security.token-cache.max-entries 必须至少为 1，当前为 " + maxEntries);
        }
    }
}
