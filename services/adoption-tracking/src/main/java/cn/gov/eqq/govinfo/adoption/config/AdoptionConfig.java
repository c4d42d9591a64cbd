package cn.gov.eqq.govinfo.adoption.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The Beijing clock. */
@Configuration
public class AdoptionConfig {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Dates (effective dates, due dates, "today") are Beijing dates. */
    @Bean
    Clock clock() {
        return Clock.system(BEIJING);
    }
}
