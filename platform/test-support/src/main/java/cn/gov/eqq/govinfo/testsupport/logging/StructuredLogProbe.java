package cn.gov.eqq.govinfo.testsupport.logging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process's logging and tracing set-up, started in a JVM of its own (the logging system is set up once per JVM):
 * it reads the module's own configuration (its {@code application.yml}, or the files named in the arguments), logs
 * one line inside a span and prints that span's ids, so a test can compare them with the line's fields.
 */
public final class StructuredLogProbe {

    public static final String MARK = "structured-log-probe";

    /** What one run printed: the logged line and the ids of the span it was logged in. */
    public record Result(String line, String traceId, String spanId, List<String> output) {
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({OpenTelemetrySdkAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
            OpenTelemetryTracingAutoConfiguration.class})
    static class Probe {
    }

    /**
     * @param environment e.g. {@code GOVINFO_LOG_FORMAT=ecs}
     * @param arguments   Spring Boot arguments, e.g. {@code --spring.config.import=classpath:govinfo-defaults.yml}
     */
    public static Result run(Map<String, String> environment, String... arguments) throws Exception {
        ForkedJvm.Run run = ForkedJvm.run(StructuredLogProbe.class, environment, 120, arguments);
        String all = String.join("\n", run.lines());
        if (run.exitCode() != 0) {
            throw new AssertionError("the probe ended with " + run.exitCode() + ":\n" + all);
        }
        String line = run.lines().stream().filter(l -> l.contains(MARK)).findFirst()
                .orElseThrow(() -> new AssertionError("no probe line in:\n" + all));
        String[] ids = run.lines().stream().filter(l -> l.startsWith("TRACE ")).findFirst()
                .orElseThrow(() -> new AssertionError("no span ids in:\n" + all))
                .substring("TRACE ".length()).split(" ");
        return new Result(line, ids[0], ids[1], run.lines());
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(Probe.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        // a module's application.yml may name its web type (the gateway: reactive); the probe serves nothing
        String[] arguments = Stream.concat(Stream.of("--spring.main.web-application-type=none"),
                Stream.of(args)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(arguments)) {
            Tracer tracer = context.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("probe").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                LoggerFactory.getLogger(StructuredLogProbe.class).info(MARK);
            } finally {
                span.end();
            }
            System.out.println("TRACE " + span.context().traceId() + " " + span.context().spanId());
        }
    }
}
