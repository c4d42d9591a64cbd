package cn.gov.eqq.govinfo.platform.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/**
 * {@code Idempotency-Key} for every servlet service, kept in the service's own MongoDB (docs/adr/0007).
 * {@code govinfo.idempotency.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "govinfo.idempotency", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyAutoConfiguration.class);

    /** After Spring Security's filter chain (order -100): the key belongs to the authenticated user. */
    static final int ORDER = 0;

    @Bean
    IdempotencyRecords idempotencyRecords(MongoTemplate mongo, IdempotencyProperties properties) {
        return new IdempotencyRecords(mongo, properties, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }

    /** Indexes once the service is up; a database not there yet costs the indexes, not the start. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> idempotencyIndexes(ObjectProvider<IdempotencyRecords> records) {
        return event -> records.ifAvailable(r -> {
            try {
                r.ensureIndexes();
            } catch (RuntimeException e) {
                log.warn("idempotency_keys indexes not created now: {}", e.toString());
            }
        });
    }
}
