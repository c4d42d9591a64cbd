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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportingRecordsTest {

    private static final String HEADER = "item_id,unit,title,kind,publication,issue_no,date,leader,text\n";
    private static final String LINE_1 = "I-1,,,CITY_BULLETIN_ADOPTED,,2026年第3期,2026-02-10,,\n";
    private static final String LINE_2 = ",发改委,项目建设提速,市政府领导批示,,,2026/3/2,王副市长,请推广\n";
    private static final String LINE_3 = "I-2,,,REGION_DAILY_BRIEF_ADOPTED,,2026年第9期,2026-04-01,,\n";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T02:00:00Z")).withZone(BeijingTime.ZONE);
    private final InMemoryItemAdoptionsStore store = new InMemoryItemAdoptionsStore()
            .receivedItem("I-1", "U006", "项目建设提速", false)
            .receivedItem("I-2", "U007", "食品安全", false);
    private final InMemoryImportBatchStore batches = new InMemoryImportBatchStore();
    /** Work started by an upload, run when the test says (the upload's own replica). */
    private final List<Runnable> started = new ArrayList<>();
    private final ImportingRecords importing = replica(started::add, 200);
    private final ItemFactsUpdating intake = new ItemFactsUpdating(store, clock);

    private ImportingRecords replica(java.util.concurrent.Executor background, int partRows) {
        return new ImportingRecords(
                new StoreBackedItemDirectory(store, new InMemoryUnitDirectory().with("U006", "发改委")), batches,
                new ItemChanges(store), store, clock, background,
                new ImportingRecords.Settings(LEASE, partRows, Duration.ZERO));
    }

    private ImportStatus imported(String fileName, String csv) {
        ImportingRecords.Accepted accepted = importing.accept(fileName, csv, "room-editor");
        started.forEach(Runnable::run);
        started.clear();
        return importing.status(accepted.status().batch().batchId()).orElseThrow();
    }

    @Test
    void theUploadIsAnsweredQueuedAndTheWorkRunsInTheBackground() {
        ImportingRecords.Accepted accepted = importing.accept("past.csv", HEADER + LINE_1 + LINE_2, "room-editor");

        assertThat(accepted.status().batch().state()).isEqualTo(ImportState.QUEUED);
        assertThat(store.outbox()).isEmpty();

        started.forEach(Runnable::run);

        ImportBatchStore.Batch done = importing.status(accepted.status().batch().batchId()).orElseThrow().batch();
        assertThat(done.state()).isEqualTo(ImportState.DONE);
        assertThat(List.of(done.rowCount(), done.checked(), done.written(), done.counts().added(),
                done.counts().alreadyPresent())).containsExactly(2, 2, 2, 2, 0);
        assertThat(batches.claimedBy(done.batchId())).isEmpty();
    }

    @Test
    void pastRecordsAreImportedWithTheirRealDates() {
        ImportStatus result = imported("past.csv", HEADER + LINE_1 + LINE_2);

        assertThat(result.batch().counts().added()).isEqualTo(2);
        assertThat(store.outbox()).extracting(e -> ((AdoptionRecorded) e.payload()).effectiveDate())
                .containsExactly(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 2));
        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1", "I-1");
    }

    @Test
    void oneLineMatchingNoItemFailsTheWholeBatchByRowAndColumnAndWritesNothing() {
        ImportStatus result = imported("past.csv",
                HEADER + LINE_1 + ",发改委,没有这条信息,CITY_BULLETIN_ADOPTED,,第1期,2026-02-11,,\n");

        assertThat(result.batch().state()).isEqualTo(ImportState.FAILED);
        assertThat(result.batch().errorCount()).isEqualTo(1);
        assertThat(result.batch().errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("title");
            assertThat(e.message()).contains("没有这条信息");
        });
        assertThat(result.batch().written()).isZero();
        assertThat(store.outbox()).isEmpty();
        assertThat(store.load("I-1").orElseThrow().item().records()).isEmpty();
    }

    @Test
    void aFailedFileUploadedAgainIsCheckedAgain() {
        String csv = HEADER + "I-LATE,,,CITY_BULLETIN_ADOPTED,,2026年第4期,2026-02-20,,\n"
                + "I-1,,,没有这种类型,,2026年第5期,2026-02-21,,\n";
        assertThat(imported("past.csv", csv).batch().state()).isEqualTo(ImportState.FAILED);

        ImportingRecords.Accepted again = importing.accept("past.csv", csv, "room-editor");

        assertThat(again.repeated()).isFalse();
        assertThat(again.status().batch().state()).isEqualTo(ImportState.QUEUED);
    }

    @Test
    void importingTheSameFileTwiceAddsNothingAndSaysItIsTheSameFile() {
        imported("past.csv", HEADER + LINE_1 + LINE_2);

        ImportingRecords.Accepted again = importing.accept("past.csv", HEADER + LINE_1 + LINE_2, "room-editor");
        started.forEach(Runnable::run);
        ImportStatus reordered = imported("past-copy.csv", HEADER + LINE_2 + LINE_1);

        assertThat(again.repeated()).isTrue();
        assertThat(reordered.batch().counts().added()).isZero();
        assertThat(reordered.batch().counts().alreadyPresent()).isEqualTo(2);
        assertThat(store.outbox()).hasSize(2);
        assertThat(batches.count()).isEqualTo(2);
    }

    @Test
    void fileOverlappingAnEarlierOneAddsOnlyTheNewLines() {
        imported("jan.csv", HEADER + LINE_1);

        ImportStatus result = imported("all.csv", HEADER + LINE_1 + LINE_3);

        assertThat(result.batch().counts().added()).isEqualTo(1);
        assertThat(result.batch().counts().alreadyPresent()).isEqualTo(1);
        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1", "I-2");
    }

    @Test
    void aLiveLeaseKeepsOtherWorkersOffAndOneRunOutIsTakenOverWithExactCounts() {
        store.failNextSaveOf("I-2");
        String batchId = importing.accept("past.csv", HEADER + LINE_1 + LINE_3, "room-editor").status().batch()
                .batchId();
        started.forEach(Runnable::run); // I-1 is written, then the worker dies on I-2 inside the first part
        ImportingRecords other = replica(Runnable::run, 200);

        assertThat(batches.find(batchId).orElseThrow().state()).isEqualTo(ImportState.WRITING);
        assertThat(other.runPending()).as("lease still running").isZero();

        clock.advance(LEASE.plusSeconds(1));
        assertThat(other.runPending()).isEqualTo(1);

        ImportBatchStore.Batch done = batches.find(batchId).orElseThrow();
        assertThat(done.state()).isEqualTo(ImportState.DONE);
        assertThat(List.of(done.written(), done.counts().added(), done.counts().alreadyPresent()))
                .as("I-1, written before the takeover, counts as this batch's").containsExactly(2, 2, 0);
        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1", "I-2");
        assertThat(store.load("I-1").orElseThrow().item().records()).hasSize(1);
    }

    @Test
    void aWorkerThatLostItsLeaseWritesNoProgressAndTheNewHolderWritesOnFromTheRecordedPart() {
        String batchId = importing.accept("past.csv", HEADER + LINE_1 + LINE_3, "room-editor").status().batch()
                .batchId();
        ImportBatchStore.Batch claimed = batches.claimNext("worker-a", clock.instant(), clock.instant().plus(LEASE))
                .orElseThrow();
        assertThat(batches.commit(batchId, "worker-a", ImportingRecords.planOf(claimed.text(),
                new StoreBackedItemDirectory(store, new InMemoryUnitDirectory()), LocalDate.now(clock)).rows(), 0, 2,
                clock.instant().plus(LEASE))).isTrue();

        clock.advance(LEASE.plusSeconds(1));
        ImportingRecords b = replica(Runnable::run, 1);
        assertThat(b.runPending()).isEqualTo(1);

        assertThat(batches.written(batchId, "worker-a", 1, ImportBatchStore.Counts.NONE,
                clock.instant().plus(LEASE))).as("worker-a lost its claim").isFalse();
        assertThat(batches.finish(batchId, "worker-a", ImportBatchStore.Counts.NONE, clock.instant())).isFalse();
        ImportBatchStore.Batch done = batches.find(batchId).orElseThrow();
        assertThat(List.of(done.written(), done.counts().added())).containsExactly(2, 2);
        assertThat(done.state()).isEqualTo(ImportState.DONE);
    }

    @Test
    void lineNamingAnItemNotYetHeardOfWaitsAndIsRecordedWhenTheItemIsReceived() {
        ImportStatus result = imported("past.csv",
                HEADER + LINE_1 + "I-NEW,,,CITY_BULLETIN_ADOPTED,,2026年第4期,2026-02-20,,\n");

        assertThat(result.batch().state()).isEqualTo(ImportState.DONE);
        assertThat(result.batch().counts().added()).isEqualTo(1);
        assertThat(result.batch().counts().waiting()).isEqualTo(1);
        assertThat(result.batch().counts().alreadyPresent()).isZero();
        assertThat(result.waiting()).isEqualTo(1);
        assertThat(result.waitingLines()).containsExactly("第 3 行：信息 I-NEW 尚未接收，接收后自动登记");
        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1");

        intake.apply(new UpdateItemFacts("evt-received", "I-NEW",
                new ItemFactChange.Received("U006", "新信息", false)));

        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("I-1", "I-NEW");
        assertThat(((AdoptionRecorded) store.outbox().get(1).payload()).effectiveDate())
                .isEqualTo(LocalDate.of(2026, 2, 20));
        ImportStatus status = importing.status(result.batch().batchId()).orElseThrow();
        assertThat(status.waitingLines()).isEmpty();
        assertThat(status.waiting()).isZero();
        assertThat(status.recordedSinceWaiting()).isEqualTo(1);
    }

    @Test
    void importingAWaitingLineTwiceKeepsItWaitingOnce() {
        imported("past.csv", HEADER + "I-NEW,,,CITY_BULLETIN_ADOPTED,,2026年第4期,2026-02-20,,\n");

        ImportStatus again = imported("other.csv",
                HEADER + "I-NEW,,,CITY_BULLETIN_ADOPTED,,2026年第4期,2026-02-20,,\n\n");

        assertThat(again.batch().counts().waiting()).isEqualTo(1);
        assertThat(again.batch().counts().added()).isZero();
        assertThat(store.load("I-NEW").orElseThrow().item().waitingImports()).hasSize(1);
    }
}
