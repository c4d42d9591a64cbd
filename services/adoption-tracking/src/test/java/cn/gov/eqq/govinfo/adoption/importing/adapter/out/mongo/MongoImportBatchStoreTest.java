package cn.gov.eqq.govinfo.adoption.importing.adapter.out.mongo;

import cn.gov.eqq.govinfo.adoption.importing.application.ImportState;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore.Batch;
import cn.gov.eqq.govinfo.adoption.importing.application.ImportBatchStore.Counts;
import cn.gov.eqq.govinfo.adoption.importing.domain.PlannedRow;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionKind;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The import batch as the job, against the Mongo test server: the lease, the takeover, and documents stored before. */
@DataMongoTest
@Import(MongoImportBatchStore.class)
class MongoImportBatchStoreTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("adoption-import-store-test"));
    }

    private static final Instant AT = Instant.parse("2026-11-28T02:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    ImportBatchStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aClaimHoldsUntilItsLeaseRunsOutAndThenEveryWriteOfTheFormerHolderIsRefused() {
        mongo.dropCollection(MongoImportBatchStore.COLLECTION);
        String id = "IMP-" + UUID.randomUUID();
        assertThat(store.accept(Batch.queued(id, "past.csv", "csv text", "room-editor", AT))).isTrue();
        assertThat(store.accept(Batch.queued(id, "past.csv", "csv text", "room-editor", AT))).isFalse();

        Batch claimed = store.claimNext("worker-a", AT, AT.plus(LEASE)).orElseThrow();
        assertThat(claimed.state()).isEqualTo(ImportState.CHECKING);
        assertThat(claimed.text()).isEqualTo("csv text");
        assertThat(store.claimNext("worker-b", AT.plusSeconds(29), AT.plusSeconds(59))).as("lease running").isEmpty();
        assertThat(store.checking(id, "worker-a", 500, AT.plusSeconds(40))).isTrue();
        assertThat(store.claimNext("worker-b", AT.plusSeconds(39), AT.plusSeconds(69))).as("lease renewed").isEmpty();

        Batch taken = store.claimNext("worker-b", AT.plusSeconds(41), AT.plusSeconds(71)).orElseThrow();
        assertThat(taken.checked()).isEqualTo(500);
        assertThat(store.checking(id, "worker-a", 600, AT.plusSeconds(80))).isFalse();
        assertThat(store.commit(id, "worker-a", List.of(row(2, false)), 0, 600, AT.plusSeconds(80))).isFalse();
        assertThat(store.commit(id, "worker-b", List.of(row(2, false), row(3, true)), 1, 3, AT.plusSeconds(80)))
                .isTrue();
        assertThat(store.written(id, "worker-b", 1, new Counts(1, 0, 0, 0), AT.plusSeconds(90))).isTrue();
        assertThat(store.finish(id, "worker-a", new Counts(9, 9, 9, 9), AT.plusSeconds(50))).isFalse();

        Batch writing = store.find(id).orElseThrow();
        assertThat(writing.state()).isEqualTo(ImportState.WRITING);
        assertThat(writing.rows()).containsExactly(row(2, false), row(3, true));
        assertThat(List.of(writing.rowCount(), writing.duplicateLinesInFile(), writing.checked(), writing.written()))
                .containsExactly(2, 1, 3, 1);
        assertThat(writing.counts()).isEqualTo(new Counts(1, 0, 0, 0));

        assertThat(store.finish(id, "worker-b", new Counts(1, 0, 1, 0), AT.plusSeconds(60))).isTrue();
        Batch done = store.find(id).orElseThrow();
        assertThat(done.state()).isEqualTo(ImportState.DONE);
        assertThat(done.finishedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(store.claimNext("worker-c", AT.plusSeconds(999), AT.plusSeconds(1999))).isEmpty();
        assertThat(store.recent(10)).singleElement().satisfies(b -> {
            assertThat(b.text()).isNull();
            assertThat(b.rows()).isEmpty();
            assertThat(b.counts().waiting()).isEqualTo(1);
        });
    }

    @Test
    void aFailedBatchKeepsItsProblemsAndIsQueuedAgainWhenUploadedAgain() {
        mongo.dropCollection(MongoImportBatchStore.COLLECTION);
        String id = "IMP-" + UUID.randomUUID();
        store.accept(Batch.queued(id, "past.csv", "csv text", "room-editor", AT));
        store.claimNext("worker-a", AT, AT.plus(LEASE));

        assertThat(store.fail(id, "worker-a", 2, 1,
                List.of(new ImportBatchStore.RowError(3, "kind", "第 3 行：无法识别的类型")), AT.plusSeconds(1))).isTrue();
        assertThat(store.find(id).orElseThrow().errors())
                .containsExactly(new ImportBatchStore.RowError(3, "kind", "第 3 行：无法识别的类型"));

        assertThat(store.requeue(id, "room-editor-2", AT.plusSeconds(60))).isTrue();
        Batch queued = store.find(id).orElseThrow();
        assertThat(queued.state()).isEqualTo(ImportState.QUEUED);
        assertThat(queued.errors()).isEmpty();
        assertThat(queued.importedBy()).isEqualTo("room-editor-2");
        assertThat(store.claimNext("worker-b", AT.plusSeconds(61), AT.plusSeconds(91))).isPresent();
    }

    /**
     * Before imports ran in the background a batch was stored once checked, with its lines, and marked
     * {@code applied} once written: an applied one reads as DONE, an unapplied one as committed and is finished.
     */
    @Test
    void batchesStoredBeforeImportsRanInTheBackgroundReadAsDoneOrAreFinished() {
        mongo.dropCollection(MongoImportBatchStore.COLLECTION);
        Object rows = mongo.getConverter().convertToMongoType(List.of(row(2, false), row(3, true), row(4, false)));
        mongo.insert(new Document("_id", "IMP-old-applied").append("fileName", "2025.csv").append("rows", rows)
                .append("importedBy", "room-editor").append("importedAt", Date.from(AT)).append("applied", true)
                .append("added", 1), MongoImportBatchStore.COLLECTION);
        mongo.insert(new Document("_id", "IMP-old-pending").append("fileName", "2024.csv").append("rows", rows)
                .append("importedBy", "room-editor").append("importedAt", Date.from(AT.minusSeconds(60)))
                .append("applied", false).append("added", 0), MongoImportBatchStore.COLLECTION);

        Batch applied = store.find("IMP-old-applied").orElseThrow();
        assertThat(applied.state()).isEqualTo(ImportState.DONE);
        assertThat(applied.rows()).containsExactly(row(2, false), row(3, true), row(4, false));
        assertThat(List.of(applied.rowCount(), applied.checked(), applied.written())).containsExactly(3, 3, 3);
        assertThat(applied.counts()).isEqualTo(new Counts(1, 1, 1, 0));
        assertThat(applied.startedAt()).isEqualTo(AT);

        Batch pending = store.claimNext("worker-a", AT, AT.plus(LEASE)).orElseThrow();
        assertThat(pending.batchId()).isEqualTo("IMP-old-pending");
        assertThat(pending.state()).isEqualTo(ImportState.WRITING);
        assertThat(pending.written()).isZero();
        assertThat(pending.rows()).hasSize(3);
        assertThat(store.finish("IMP-old-pending", "worker-a", new Counts(2, 0, 1, 0), AT)).isTrue();
        assertThat(store.find("IMP-old-pending").orElseThrow().state()).isEqualTo(ImportState.DONE);
        assertThat(store.recent(10)).extracting(Batch::batchId).containsExactly("IMP-old-applied", "IMP-old-pending");
    }

    private static PlannedRow row(int line, boolean waiting) {
        RecordContent content = new RecordContent(AdoptionKind.CITY_BULLETIN_ADOPTED, null, "2026年第" + line + "期",
                LocalDate.of(2026, 2, line), null, null, null);
        return new PlannedRow(line, "I-" + line, content, "key-" + line + "-".repeat(24), waiting);
    }
}
