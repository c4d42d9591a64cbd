package cn.gov.eqq.govinfo.platform.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Every servlet service records its state-changing requests in its own {@code audit_log} collection and serves them
 * at {@code govinfo.audit.path}. Nothing to wire by hand; {@code govinfo.audit.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "govinfo.audit", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(AuditLog.class)
    MongoAuditLog mongoAuditLog(MongoTemplate mongo) {
        return new MongoAuditLog(mongo);
    }

    /** Indexes once the service is up; a database that is not there yet only costs the indexes, not the start. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> auditLogIndexes(ObjectProvider<MongoAuditLog> mongoAuditLog) {
        return event -> mongoAuditLog.ifAvailable(auditLog -> {
            try {
                auditLog.ensureIndexes();
            } catch (RuntimeException e) {
                log.warn("audit_log indexes not created now: {}", e.toString());
            }
        });
    }

    @Bean
    AuditInterceptor auditInterceptor(AuditLog auditLog, @Value("${spring.application.name:unknown}") String service,
                                      ObjectProvider<Tracer> tracer, ObjectProvider<MeterRegistry> meters,
                                      AuditProperties properties) {
        Supplier<String> traceId = () -> {
            Tracer t = tracer.getIfAvailable();
            Span span = t == null ? null : t.currentSpan();
            return span == null ? null : span.context().traceId();
        };
        MeterRegistry registry = meters.getIfAvailable();
        Counter failures = registry == null ? null : Counter.builder("govinfo.audit.write.failures")
                .description("audit records that could not be written").register(registry);
        return new AuditInterceptor(auditLog, service, Clock.systemUTC(), traceId, failures,
                ClientAddressResolver.trusting(properties.trustedProxies()));
    }

    @Bean
    WebMvcConfigurer auditInterceptorConfigurer(AuditInterceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/api/**");
            }
        };
    }

    @Bean
    @ConditionalOnProperty(prefix = "govinfo.audit", name = "path")
    AuditLogController auditLogController(AuditLog auditLog, AuditProperties properties,
                                          tools.jackson.databind.json.JsonMapper json) {
        return new AuditLogController(auditLog, properties, json);
    }
}
