package cn.gov.eqq.govinfo.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govinfo.audit.*}.
 *
 * @param enabled     record state-changing requests (default true)
 * @param path        the read API, {@code /api/<service>/audit} (set in each service's application.yml)
 * @param maxPageSize the largest page the read API returns
 */
@ConfigurationProperties("govinfo.audit")
public record AuditProperties(Boolean enabled, String path, Integer maxPageSize) {

    public AuditProperties {
        enabled = enabled == null || enabled;
        maxPageSize = maxPageSize == null ? 200 : maxPageSize;
    }
}
