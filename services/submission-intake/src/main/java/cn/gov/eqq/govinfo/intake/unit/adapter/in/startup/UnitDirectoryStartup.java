package cn.gov.eqq.govinfo.intake.unit.adapter.in.startup;

import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;

/**
 * At start: the 2022 directory is loaded when there are no units yet; otherwise every unit is put on the compacted
 * topic once more, so that the topic holds the whole directory even if it was recreated (republishing the same
 * state changes nothing for consumers, who upsert).
 */
@Component
class UnitDirectoryStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnitDirectoryStartup.class);

    private final KeepingUnits units;
    private final boolean republish;

    UnitDirectoryStartup(KeepingUnits units,
                         @Value("${govinfo.intake.units.republish-on-start:true}") boolean republish) {
        this.units = units;
        this.republish = republish;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        try (InputStream csv = new ClassPathResource("seed/units-2022.csv").getInputStream()) {
            int added = units.seedIfEmpty(csv);
            if (added > 0) {
                log.info("单位目录为空，已载入 2022 年报送单位 {} 个", added);
                return;
            }
        }
        if (republish) {
            log.info("已将 {} 个报送单位重新发布到单位主题", units.republishAll());
        }
    }
}
