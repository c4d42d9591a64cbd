package cn.gov.eqq.govinfo.scoring.config;

import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.rules.domain.ScoringPolicy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

@Configuration
@EnableScheduling
class ScoringConfiguration {

    /** The real clock, or a fixed instant for tests and demonstrations ({@code govinfo.scoring.fixed-clock}). */
    @Bean
    Clock clock(@Value("${govinfo.scoring.fixed-clock:}") String fixed) {
        return fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
    }

    /** The rules of 鄂前政办发〔2022〕65号, read from the resource file that ships with the service. */
    @Bean
    ScoringPolicy shippedPolicy() {
        return PolicyJson.shipped();
    }
}
