package cn.gov.eqq.govinfo.platform.logging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GOVINFO_LOG_FORMAT} (read by govinfo-defaults.yml) switches the console between plain text (empty, the
 * devstack's default) and one ECS JSON object per line carrying the trace and span ids of the current span.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @SpringBootConfiguration
    @ImportAutoConfiguration({OpenTelemetrySdkAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
            OpenTelemetryTracingAutoConfiguration.class})
    static class App {
    }

    @Test
    void withEcsEachLineIsJsonWithTheTraceIdOfTheCurrentSpan(CapturedOutput output) {
        String traceId;
        try (ConfigurableApplicationContext app = start("ecs")) {
            Tracer tracer = app.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("structured-log-test").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                traceId = span.context().traceId();
                LoggerFactory.getLogger(StructuredLogsTest.class).info("稿件已接收 ecs-probe");
            } finally {
                span.end();
            }
        }
        String line = output.getOut().lines().filter(l -> l.contains("ecs-probe")).findFirst().orElseThrow();
        assertThat(line).startsWith("{").endsWith("}")
                .contains("\"message\":\"稿件已接收 ecs-probe\"")
                .contains("\"traceId\":\"" + traceId + "\"")
                .contains("\"service\":{\"name\":\"log-test\"");
    }

    @Test
    void withoutAFormatTheLinesArePlainText(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start("")) {
            LoggerFactory.getLogger(StructuredLogsTest.class).info("plain-probe");
        }
        String line = output.getOut().lines().filter(l -> l.contains("plain-probe")).findFirst().orElseThrow();
        assertThat(line).doesNotStartWith("{").contains(" INFO ");
    }

    private static ConfigurableApplicationContext start(String format) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=log-test", "spring.config.import=classpath:govinfo-defaults.yml",
                        "GOVINFO_LOG_FORMAT=" + format, "management.tracing.sampling.probability=1.0")
                .run();
    }
}
