package cn.gov.eqq.govinfo.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code govinfo.audit.*}.
 *
 * @param enabled     record state-changing requests (default true)
 * @param path        the read API, {@code /api/<service>/audit} (set in each service's application.yml)
 * @param maxPageSize the largest page the read API returns
 * @param trustedProxies our own proxies (ingress controller, gateway) as CIDR blocks or addresses: the client address
 *                    is the right-most {@code X-Forwarded-For} entry that is not one of them
 *                    ({@link ClientAddressResolver}; {@code GOVINFO_AUDIT_TRUSTED_PROXIES}, default the loopback)
 */
@ConfigurationProperties("govinfo.audit")
public record AuditProperties(Boolean enabled, String path, Integer maxPageSize, List<String> trustedProxies) {

    public AuditProperties {
        enabled = enabled == null || enabled;
        maxPageSize = maxPageSize == null ? 200 : maxPageSize;
        trustedProxies = trustedProxies == null ? List.of("127.0.0.0/8", "::1/128") : List.copyOf(trustedProxies);
    }
}
