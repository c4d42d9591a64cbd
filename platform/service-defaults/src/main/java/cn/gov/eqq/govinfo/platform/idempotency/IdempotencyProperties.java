package cn.gov.eqq.govinfo.platform.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code govinfo.idempotency.*}: how long a first answer is kept for retries with the same {@code Idempotency-Key},
 * and how long a request in progress holds its key before a retry may take it over (its replica died).
 */
@ConfigurationProperties("govinfo.idempotency")
public record IdempotencyProperties(Boolean enabled, Duration retention, Duration inProgressTimeout) {

    public IdempotencyProperties {
        enabled = enabled == null || enabled;
        retention = retention == null ? Duration.ofHours(24) : retention;
        inProgressTimeout = inProgressTimeout == null ? Duration.ofSeconds(60) : inProgressTimeout;
    }
}
