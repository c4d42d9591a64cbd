package cn.gov.eqq.govinfo.scoring.config;

import cn.gov.eqq.govinfo.platform.migration.Migration;
import cn.gov.eqq.govinfo.platform.migration.Migrations;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
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
        return Migrations.of(Migrations.baseline(), shortfallPerGroup());
    }

    /**
     * Deduction tiers became per group, like the quota. A stored version with the earlier single set of tiers gets
     * that set for every group of its quota — the figures it gave stay the same. Idempotent: a version already per
     * group is written back unchanged.
     */
    static Migration shortfallPerGroup() {
        return Migration.of(2, "policies: deduction tiers per group (shortfall keyed by group like monthlyQuota)",
                database -> {
                    MongoCollection<Document> policies = database.getCollection("policies");
                    for (Document d : policies.find()) {
                        String json = d.getString("json");
                        if (json != null) {
                            policies.updateOne(Filters.eq("_id", d.get("_id")),
                                    Updates.set("json", PolicyJson.upgrade(json)));
                        }
                    }
                });
    }
}
