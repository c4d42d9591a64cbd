package cn.gov.eqq.govinfo.gateway.observation;

import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Trace propagation to the services without Spring Cloud Gateway's client observation. When that observation is
 * switched back on ({@code spring.cloud.gateway.server.webflux.observability.enabled=true}), it injects the headers
 * itself and this filter stands aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.cloud.gateway.server.webflux.observability.enabled", havingValue = "false")
class ObservationConfiguration {

    /** Without tracing (no Propagator bean, e.g. {@code management.tracing.enabled=false}) nothing is injected. */
    @Bean
    TraceContextForwarding traceContextForwarding(ObjectProvider<Propagator> propagator) {
        return new TraceContextForwarding(propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
