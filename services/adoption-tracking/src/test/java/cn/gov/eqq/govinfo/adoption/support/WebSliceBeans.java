package cn.gov.eqq.govinfo.adoption.support;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportingRecords;
import cn.gov.eqq.govinfo.adoption.importing.application.StoreBackedItemDirectory;
import cn.gov.eqq.govinfo.adoption.record.application.ItemChanges;
import cn.gov.eqq.govinfo.adoption.record.application.RecordingAdoptions;
import cn.gov.eqq.govinfo.platform.problem.ProblemExceptionHandler;
import cn.gov.eqq.govinfo.platform.security.ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;

/** Web slices run the real use cases over in-memory fakes of the stores; "now" is 2026-11-28 10:00 Beijing. */
@TestConfiguration
@Import({ResourceServerAutoConfiguration.class, ProblemExceptionHandler.class})
public class WebSliceBeans {

    public static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(NOW).withZone(BeijingTime.ZONE);
    }

    @Bean
    InMemoryItemAdoptionsStore itemStore() {
        return new InMemoryItemAdoptionsStore();
    }

    @Bean
    InMemoryUnitDirectory units() {
        return new InMemoryUnitDirectory().with("U006", "发改委").with("U007", "教体局");
    }

    @Bean
    InMemoryItemScores itemScores() {
        return new InMemoryItemScores();
    }

    @Bean
    RecordingAdoptions recordingAdoptions(InMemoryItemAdoptionsStore store, MutableClock clock) {
        return new RecordingAdoptions(new ItemChanges(store), store, new InMemoryCombinedAdoptionStore(), clock);
    }

    @Bean
    ImportingRecords importingRecords(InMemoryItemAdoptionsStore store, InMemoryUnitDirectory units,
                                      MutableClock clock) {
        // the background work runs in the request here: the answer already shows the batch's end
        return new ImportingRecords(new StoreBackedItemDirectory(store, units), new InMemoryImportBatchStore(),
                new ItemChanges(store), store, clock, Runnable::run,
                new ImportingRecords.Settings(Duration.ofSeconds(30), 200, Duration.ZERO));
    }
}
