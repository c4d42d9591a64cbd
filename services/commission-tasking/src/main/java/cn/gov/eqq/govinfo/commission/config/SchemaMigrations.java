package cn.gov.eqq.govinfo.commission.config;

import cn.gov.eqq.govinfo.platform.migration.Migrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This service's database migrations, applied in version order at start-up by service-defaults' migration runner
 * (docs/platform-api.md). Append new ones with the next version; never edit or remove a released one.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

    @Bean
    Migrations migrations() {
        return Migrations.of(Migrations.baseline());
    }
}
