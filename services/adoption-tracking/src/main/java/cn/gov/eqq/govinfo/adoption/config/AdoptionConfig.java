package cn.gov.eqq.govinfo.adoption.config;

import cn.gov.eqq.govinfo.adoption.record.domain.CombinedCreditPolicy;
import cn.gov.eqq.govinfo.adoption.record.domain.KindPointsTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;

/** Policy data, the Beijing clock and the topic this service writes. */
@Configuration
public class AdoptionConfig {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Dates (effective dates, due dates, "today") are Beijing dates. */
    @Bean
    Clock clock() {
        return Clock.system(BEIJING);
    }

    /** Mirror of scoring's points per kind; replace the file with {@code ADOPTION_KIND_POINTS=file:...}. */
    @Bean
    KindPointsTable kindPointsTable(@Value("${govinfo.adoption.kind-points-table}") Resource resource)
            throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return KindPointsTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    @Bean
    CombinedCreditPolicy combinedCreditPolicy(@Value("${govinfo.adoption.combined-credit-policy}") Resource resource)
            throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(in);
        }
        String mode = properties.getProperty("mode", "FULL").strip().toUpperCase(Locale.ROOT);
        return new CombinedCreditPolicy(CombinedCreditPolicy.Mode.valueOf(mode));
    }
}
