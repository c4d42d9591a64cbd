package cn.gov.eqq.govinfo.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code govinfo.limits.*}: the largest request body a service reads.
 *
 * @param maxBodySize   any body that is not {@code multipart/form-data} (JSON, CSV); default 1 MB
 * @param maxUploadSize a {@code multipart/form-data} body (attachments, import files); default {@code maxBodySize}
 */
@ConfigurationProperties("govinfo.limits")
public record LimitsProperties(DataSize maxBodySize, DataSize maxUploadSize) {

    public LimitsProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxUploadSize = maxUploadSize == null ? maxBodySize : maxUploadSize;
    }
}
