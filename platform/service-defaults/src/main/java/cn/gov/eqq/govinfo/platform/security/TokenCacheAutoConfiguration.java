package cn.gov.eqq.govinfo.platform.security;

import java.time.Clock;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.type.MethodMetadata;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Puts a {@link CachingJwtDecoder} in front of the {@link JwtDecoder} that Spring Boot's resource-server
 * auto-configuration builds (JWKS from {@code jwk-set-uri}, issuer and audience validators from
 * govinfo-defaults.yml), so Boot keeps building the decoder from its properties and this adds only the cache.
 *
 * <p>Only Boot's own decoder is wrapped. A {@code JwtDecoder} that a service or a test declares itself (a
 * {@code @MockitoBean} in the web tests, for example) is left alone: whoever declares a decoder has chosen how it
 * behaves, and a cache in front of a test's mock would answer a second call with the first call's result.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JwtDecoder.class)
@ConditionalOnProperty(prefix = "govinfo.security.token-cache", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public class TokenCacheAutoConfiguration {

    /** Boot's resource-server auto-configuration (servlet and reactive) lives below this package. */
    static final String BOOT_RESOURCE_SERVER_PACKAGE = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.";

    // static: a post-processor must exist before the beans it processes, without this class being instantiated
    @Bean
    static BeanPostProcessor govinfoVerifiedTokenCache(ConfigurableListableBeanFactory beanFactory,
                                                       Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        && declaredByBootAutoConfiguration(beanFactory, beanName)) {
                    // bound here, not injected: a post-processor is created before configuration properties beans
                    TokenCacheProperties properties = Binder.get(environment)
                            .bindOrCreate("govinfo.security.token-cache", TokenCacheProperties.class);
                    return new CachingJwtDecoder(decoder, Clock.systemUTC(), properties.maxEntries());
                }
                return bean;
            }
        };
    }

    static boolean declaredByBootAutoConfiguration(ConfigurableListableBeanFactory beanFactory, String beanName) {
        if (!beanFactory.containsBeanDefinition(beanName)) {
            return false; // registered as a ready object (e.g. a test's mock), not built from a definition
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            if (factoryMethod != null) {
                return factoryMethod.getDeclaringClassName().startsWith(BOOT_RESOURCE_SERVER_PACKAGE);
            }
        }
        String factoryBean = definition.getFactoryBeanName();
        if (factoryBean != null && beanFactory.containsBeanDefinition(factoryBean)) {
            String factoryClass = beanFactory.getBeanDefinition(factoryBean).getBeanClassName();
            return factoryClass != null && factoryClass.startsWith(BOOT_RESOURCE_SERVER_PACKAGE);
        }
        return false;
    }
}
