package cn.gov.eqq.govinfo.platform.tracing;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans leave the process over OTLP/HTTP only when an endpoint is configured: off by default, on with
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} (env {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}).
 * The collector here is a local HTTP server that records what it receives.
 */
class OtlpSpanExportTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                    OtlpTracingAutoConfiguration.class))
            .withPropertyValues("spring.application.name=otlp-test", "management.tracing.sampling.probability=1.0");

    private HttpServer collector;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCollector() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(body);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " " + body.toString(StandardCharsets.ISO_8859_1));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void withoutAnEndpointNoSpanLeavesTheProcess() {
        context.run(app -> {
            assertThat(app).hasSingleBean(Tracer.class);
            assertThat(app.getBeansOfType(SpanExporter.class).values())
                    .noneMatch(e -> e.getClass().getName().contains("Otlp"));
        });
    }

    @Test
    void withAnEndpointTheSpansOfTheServiceAreSentToTheCollector() {
        String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
        context.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint).run(app -> {
            Tracer tracer = app.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("outbox-relay-round").start();
            String traceId = span.context().traceId();
            span.end();

            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                    .anyMatch(r -> r.startsWith("POST application/x-protobuf") && r.contains("outbox-relay-round")
                            && r.contains("otlp-test")));
            assertThat(traceId).matches("[0-9a-f]{32}");
        });
    }
}
