package cn.gov.eqq.govinfo.reporting.config;

import cn.gov.eqq.govinfo.reporting.circular.domain.Letterhead;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The county's settings for the circulars it issues ({@code govinfo.reporting.circular.*}): the notice they are
 * issued under, the prefix of their document numbers and their addressees. A new draft takes them; a circular keeps
 * what it took, so changing them never changes a published circular.
 */
@Validated
@ConfigurationProperties("govinfo.reporting.circular")
record CircularSettings(@NotBlank String notice, @NotBlank String numberPrefix, @NotBlank String addressees) {

    Letterhead letterhead() {
        return new Letterhead(notice.strip(), numberPrefix.strip(), addressees.strip());
    }
}
