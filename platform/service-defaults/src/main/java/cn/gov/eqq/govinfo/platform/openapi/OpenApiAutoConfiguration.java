package cn.gov.eqq.govinfo.platform.openapi;

import io.swagger.v3.oas.models.media.StringSchema;
import java.time.LocalDateTime;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The shared OpenAPI description rules of every service ({@link GovinfoOpenApiCustomizer}). */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiAutoConfiguration {

    static {
        // The services answer a LocalDateTime as Beijing time without an offset ("2026-12-31T17:00:00"). springdoc
        // would call it a date-time (RFC 3339 requires an offset), and a generated client then fails to read it.
        SpringDocUtils.getConfig().replaceWithSchema(LocalDateTime.class, new StringSchema()
                .pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$")
                .description("北京时间，不带时区偏移").example("2026-12-31T17:00:00"));
    }

    @Bean
    GovinfoOpenApiCustomizer govinfoOpenApiCustomizer(OpenApiProperties properties, Environment environment) {
        String title = properties.title() != null ? properties.title()
                : environment.getProperty("spring.application.name", "govinfo");
        return new GovinfoOpenApiCustomizer(new OpenApiProperties(title, properties.version(),
                properties.description(), properties.serverUrl(), properties.issuerUri()));
    }
}
