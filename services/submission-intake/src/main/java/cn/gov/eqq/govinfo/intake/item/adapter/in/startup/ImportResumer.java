package cn.gov.eqq.govinfo.intake.item.adapter.in.startup;

import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.Set;

/** At start: an import that was committed but cut short by a crash is completed, so none stays half done. */
@Component
class ImportResumer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportResumer.class);

    private final HistoryImport imports;

    ImportResumer(HistoryImport imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        int resumed = imports.resumePending(new Actor("system", "系统", null, Set.of(Role.INFO_ROOM)));
        if (resumed > 0) {
            log.info("已完成 {} 个中断的历史信息导入", resumed);
        }
    }
}
