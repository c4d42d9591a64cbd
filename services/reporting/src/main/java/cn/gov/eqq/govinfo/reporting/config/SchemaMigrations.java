package cn.gov.eqq.govinfo.reporting.config;

import cn.gov.eqq.govinfo.platform.migration.Migration;
import cn.gov.eqq.govinfo.platform.migration.Migrations;
import cn.gov.eqq.govinfo.reporting.circular.domain.Letterhead;
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
        return Migrations.of(Migrations.baseline(), circularsKeepTheirLetterhead());
    }

    /**
     * v2: every circular stored before circulars kept their own letterhead gets the words it was issued with — the
     * notice title, number prefix and addressees the code then printed — so its Word and Excel files read exactly
     * as before. Only documents without one are touched (idempotent; a circular drafted meanwhile keeps its own).
     */
    static Migration circularsKeepTheirLetterhead() {
        Letterhead first = Letterhead.FIRST_RELEASE;
        return Migration.of(2, "circulars: keep their letterhead (notice, number prefix, addressees) as issued",
                db -> db.getCollection("circulars").updateMany(
                        Filters.and(Filters.exists("circular"), Filters.exists("circular.letterhead", false)),
                        Updates.set("circular.letterhead", new Document("notice", first.notice())
                                .append("numberPrefix", first.numberPrefix())
                                .append("addressees", first.addressees()))));
    }
}
