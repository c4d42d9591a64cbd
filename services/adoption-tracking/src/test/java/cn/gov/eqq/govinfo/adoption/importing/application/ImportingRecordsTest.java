package cn.gov.eqq.govinfo.adoption.importing.application;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.adoption.record.application.ItemChanges;
import cn.gov.eqq.govinfo.adoption.record.application.ItemFactsUpdating;
import cn.gov.eqq.govinfo.adoption.record.application.UpdateItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFactChange;
import cn.gov.eqq.govinfo.adoption.support.InMemoryImportBatchStore;
import cn.gov.eqq.govinfo.adoption.support.InMemoryItemAdoptionsStore;
import cn.gov.eqq.govinfo.adoption.support.InMemoryUnitDirectory;
import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportingRecordsTest {

    private static final String HEADER = "item_id,unit,title,kind,publication,issue_no,date,leader,text\n";
    private static final String LINE_1 = "I-1,,,CITY_BULLETIN_ADOPTED,,2026年第3期,2026-02-10,,\n";
    private static final String LINE_2 = ",发改委,项目建设提速,市政府领导批示,,,2026/3/2,王副市长,请推广\n";
    private static final String LINE_3 = "I-2,,,REGION_DAILY_BRIEF_ADOPTED,,2026年第9期,2026-04-01,,\n";

    private static final Instant T = Instant.parse("2026-11-28T01:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T02:00:00Z")).withZone(BeijingTime.ZONE);
    private final InMemoryItemAdoptionsStore store = new InMemoryItemAdoptionsStore()
            .receivedItem("I-1", "U006", "项目建设提速", false)
            .receivedItem("I-2", "U007", "食品安全", false);
    private final InMemoryImportBatchStore batches = new InMemoryImportBatchStore();
    private final ImportingRecords importing = new ImportingRecords(
            new StoreBackedItemDirectory(store, new InMemoryUnitDirectory().with("U006", "发改委")), batches,
            new ItemChanges(store), store, clock);
    private final ItemFactsUpdating intake = new ItemFactsUpdating(store, clock);

    @Test
    void pastRecordsAreImportedWithTheirRealDates() {
        ImportResult result = importing.importCsv("past.csv", HEADER + LINE_1 + LINE_2, "room-editor");

        assertThat(result.imported()).isTrue();
        assertThat(result.added()).isEqualTo(2);
        assertThat(store.outbox()).extracting(e -> ((AdoptionRecorded) e.payload()).effectiveDate())
                .containsExactly(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 2));
        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1", "I-1");
    }

    @Test
    void oneLineMatchingNoItemRefusesTheWholeFile() {
        ImportResult result = importing.importCsv("past.csv",
                HEADER + LINE_1 + ",发改委,没有这条信息,CITY_BULLETIN_ADOPTED,,第1期,2026-02-11,,\n", "room-editor");

        assertThat(result.imported()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("没有这条信息");
        });
        assertThat(store.outbox()).isEmpty();
        assertThat(store.load("I-1").orElseThrow().item().records()).isEmpty();
        assertThat(batches.count()).isZero();
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() {
        importing.importCsv("past.csv", HEADER + LINE_1 + LINE_2, "room-editor");

        ImportResult again = importing.importCsv("past-copy.csv", HEADER + LINE_2 + LINE_1, "room-editor");

        assertThat(again.imported()).isTrue();
        assertThat(again.added()).isZero();
        assertThat(again.alreadyOnFile()).isEqualTo(2);
        assertThat(store.outbox()).hasSize(2);
        assertThat(batches.count()).isEqualTo(1);
    }

    @Test
    void fileOverlappingAnEarlierOneAddsOnlyTheNewLines() {
        importing.importCsv("jan.csv", HEADER + LINE_1, "room-editor");

        ImportResult result = importing.importCsv("all.csv", HEADER + LINE_1 + LINE_3, "room-editor");

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.alreadyOnFile()).isEqualTo(1);
        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1", "I-2");
    }

    @Test
    void importInterruptedHalfWayIsFinishedLater() {
        store.failNextSaveOf("I-2");

        assertThatThrownBy(() -> importing.importCsv("past.csv", HEADER + LINE_1 + LINE_3, "room-editor"))
                .hasMessageContaining("simulated crash");
        clock.advance(Duration.ofMinutes(1));
        importing.completePending();

        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1", "I-2");
        assertThat(store.load("I-1").orElseThrow().item().records()).hasSize(1);
    }

    @Test
    void lineNamingAnItemNotYetHeardOfWaitsAndIsRecordedWhenTheItemIsReceived() {
        ImportResult result = importing.importCsv("past.csv",
                HEADER + LINE_1 + "I-NEW,,,CITY_BULLETIN_ADOPTED,,2026年第4期,2026-02-20,,\n", "room-editor");

        assertThat(result.imported()).isTrue();
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.waiting()).isEqualTo(1);
        assertThat(result.alreadyOnFile()).isZero();
        assertThat(result.waitingLines()).containsExactly("第 3 行：信息 I-NEW 尚未接收，接收后自动登记");
        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1");
        assertThat(importing.status(result.batchId()).orElseThrow().stillWaiting())
                .containsExactly("第 3 行：信息 I-NEW 尚未接收，接收后自动登记");

        intake.apply(new UpdateItemFacts("evt-received", "I-NEW",
                new ItemFactChange.Received("U006", "新信息", false)));

        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1", "I-NEW");
        assertThat(((AdoptionRecorded) store.outbox().get(1).payload()).effectiveDate())
                .isEqualTo(LocalDate.of(2026, 2, 20));
        ImportStatus status = importing.status(result.batchId()).orElseThrow();
        assertThat(status.stillWaiting()).isEmpty();
        assertThat(status.recordedSince()).isEqualTo(1);
    }

    @Test
    void importingAWaitingLineTwiceKeepsItWaitingOnce() {
        String csv = HEADER + "I-NEW,,,CITY_BULLETIN_ADOPTED,,2026年第4期,2026-02-20,,\n";
        importing.importCsv("past.csv", csv, "room-editor");

        ImportResult again = importing.importCsv("past.csv", csv, "room-editor");

        assertThat(again.waiting()).isEqualTo(1);
        assertThat(again.added()).isZero();
        assertThat(store.load("I-NEW").orElseThrow().item().waitingImports()).hasSize(1);
    }
}
