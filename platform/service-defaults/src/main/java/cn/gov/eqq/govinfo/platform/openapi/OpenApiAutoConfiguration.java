package cn.gov.eqq.govinfo.platform.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
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

    @Bean
    GovinfoOpenApiCustomizer govinfoOpenApiCustomizer(OpenApiProperties properties, Environment environment) {
        String title = properties.title() != null ? properties.title()
                : environment.getProperty("spring.application.name", "govinfo");
        return new GovinfoOpenApiCustomizer(new OpenApiProperties(title, properties.version(),
                properties.description(), properties.serverUrl(), properties.issuerUri()));
    }
}
