package cn.gov.eqq.govinfo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Which decoder the cache goes in front of, and the properties that switch and size it. */
class TokenCacheAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
                    TokenCacheAutoConfiguration.class))
            .withPropertyValues(
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/realms/govinfo/protocol/openid-connect/certs",
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1/realms/govinfo",
                    "spring.security.oauth2.resourceserver.jwt.audiences=govinfo-api");

    @Test
    void bootsAutoConfiguredDecoderIsWrappedByTheCache() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
            assertThat(((CachingJwtDecoder) decoder).delegate()).isInstanceOf(NimbusJwtDecoder.class);
        });
    }

    @Test
    void theCacheIsSizedFromItsProperty() {
        runner.withPropertyValues("govinfo.security.token-cache.max-entries=3").run(context ->
                assertThat(((CachingJwtDecoder) context.getBean(JwtDecoder.class)).maxEntries()).isEqualTo(3));
        runner.run(context ->
                assertThat(((CachingJwtDecoder) context.getBean(JwtDecoder.class)).maxEntries()).isEqualTo(10_000));
    }

    @Test
    void switchedOffTheDecoderIsBootsOwnAsBefore() {
        runner.withPropertyValues("govinfo.security.token-cache.enabled=false").run(context ->
                assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(NimbusJwtDecoder.class));
    }

    @Test
    void aDecoderTheApplicationDeclaresItselfIsLeftAlone() {
        runner.withUserConfiguration(OwnDecoder.class).run(context ->
                assertThat(context.getBean(JwtDecoder.class)).isSameAs(OwnDecoder.DECODER));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDecoder {
        static final JwtDecoder DECODER = token -> {
            throw new UnsupportedOperationException("not called");
        };

        @Bean
        JwtDecoder jwtDecoder() {
            return DECODER;
        }
    }
}
