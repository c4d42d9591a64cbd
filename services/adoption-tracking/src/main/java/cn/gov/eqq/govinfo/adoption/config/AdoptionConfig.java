package cn.gov.eqq.govinfo.adoption.config;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.adoption.importing.application.StoreBackedItemDirectory;
import cn.gov.eqq.govinfo.adoption.record.application.CombinedAdoptionStore;
import cn.gov.eqq.govinfo.adoption.record.application.ItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.record.application.ItemChanges;
import cn.gov.eqq.govinfo.adoption.record.application.ItemFactsUpdating;
import cn.gov.eqq.govinfo.adoption.record.application.ItemScores;
import cn.gov.eqq.govinfo.adoption.record.application.ItemScoresUpdating;
import cn.gov.eqq.govinfo.adoption.record.application.RecordingAdoptions;
import cn.gov.eqq.govinfo.adoption.unit.application.UnitDirectory;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.platform.work.LeasedWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The Beijing clock and the use cases: the application classes are plain Java, made beans here over the ports the
 * adapters implement.
 */
@Configuration(proxyBeanMethods = false)
public class AdoptionConfig {

    /** Dates (effective dates, due dates, "today") are Beijing dates. */
    @Bean
    Clock clock() {
        return Clock.system(BeijingTime.ZONE);
    }

    @Bean
    ItemChanges itemChanges(ItemAdoptionsStore items) {
        return new ItemChanges(items);
    }

    @Bean
    RecordingAdoptions recordingAdoptions(ItemChanges changes, ItemAdoptionsStore items,
                                          CombinedAdoptionStore combined, Clock clock) {
        return new RecordingAdoptions(changes, items, combined, clock);
    }

    @Bean
    ItemFactsUpdating itemFactsUpdating(ItemAdoptionsStore items, Clock clock) {
        return new ItemFactsUpdating(items, clock);
    }

    @Bean
    ItemScoresUpdating itemScoresUpdating(ItemScores scores) {
        return new ItemScoresUpdating(scores);
    }

    @Bean
    StoreBackedItemDirectory itemDirectory(ItemAdoptionsStore items, UnitDirectory units) {
        return new StoreBackedItemDirectory(items, units);
    }

    @Bean
    ImportingRecords importingRecords(StoreBackedItemDirectory directory, ImportBatchStore batches,
                                      ItemChanges changes, ItemAdoptionsStore items, Clock clock,
                                      @Qualifier("importThread") ExecutorService importThread,
                                      @Value("${govinfo.adoption.imports.lease:30s}") Duration lease,
                                      @Value("${govinfo.adoption.imports.part-rows:200}") int partRows,
                                      @Value("${govinfo.adoption.imports.part-pause:0s}") Duration partPause) {
        return new ImportingRecords(directory, batches, changes, items, clock, importThread,
                new ImportingRecords.Settings(lease, partRows, partPause));
    }

    /**
     * The thread that starts an import right after its upload (the schedule in {@code ImportWork} picks up the
     * rest). At shutdown {@code ImportWork} stops the import after the part being written; the batch's lease then
     * runs out and a replica writes on.
     */
    @Bean(name = "importThread", destroyMethod = "shutdownNow")
    ExecutorService importThread() {
        return LeasedWork.thread("adoption-import");
    }
}
