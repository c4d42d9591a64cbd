package cn.gov.eqq.govinfo.gateway.observation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the trace context of the gateway's own server span ({@code http.server.requests}) on the forwarded request
 * ({@code traceparent}, or whatever {@code management.tracing.propagation.produce} names), so the service's span
 * continues the trace. This replaces Spring Cloud Gateway's client observation of the forwarded call, which did the
 * same injection but also started a second timer and span per request (switched off in application.yml).
 * Propagation fields the caller sent are removed first: the service must see the gateway's span as its parent.
 */
final class TraceContextForwarding implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;

    TraceContextForwarding(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElse(null);
        if (span == null) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        propagator.fields().forEach(headers::remove);
        propagator.inject(span.context(), headers, HttpHeaders::set);
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** After the gateway's own header filters (forwarded headers, hop-by-hop removal). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
