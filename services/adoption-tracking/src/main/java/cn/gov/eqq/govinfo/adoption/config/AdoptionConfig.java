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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

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
                                      ItemChanges changes, ItemAdoptionsStore items, Clock clock) {
        return new ImportingRecords(directory, batches, changes, items, clock);
    }
}
