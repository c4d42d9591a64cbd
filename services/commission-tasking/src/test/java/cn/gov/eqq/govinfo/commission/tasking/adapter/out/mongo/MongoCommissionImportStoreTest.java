package cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo;

import cn.gov.eqq.govinfo.commission.tasking.application.CommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.application.CommissionImportStore.Batch;
import cn.gov.eqq.govinfo.commission.tasking.application.CommissionImportStore.State;
import cn.gov.eqq.govinfo.commission.tasking.domain.Deadline;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommission;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch document as the job: one worker at a time holds it by a lease, a worker whose lease ran out is taken
 * over and can no longer write, and documents stored before imports ran in the background still read.
 */
class MongoCommissionImportStoreTest {

    private final MongoClient client = MongoClients.create(MongoTestServer.uri("commission-import-store"));
    private final MongoTemplate mongo = new MongoTemplate(client, "import-store-" + UUID.randomUUID());
    private final MongoCommissionImportStore store = new MongoCommissionImportStore(mongo);
    private final Instant now = Instant.parse("2026-10-10T02:00:00Z");
    private final Duration lease = Duration.ofSeconds(30);

    @AfterEach
    void close() {
        client.close();
    }

    private static final PastCommission MARCH = new PastCommission("CMS-2026-H03", "三月约稿", "800字以内",
            List.of("U006"), Instant.parse("2026-03-01T01:00:00Z"),
            new Deadline(Instant.parse("2026-03-20T09:00:59.999999999Z")), List.of(new PastCommission.Answer(
            "U006", "ITEM-3", 1, Instant.parse("2026-03-10T02:00:00Z"), true, null,
            Instant.parse("2026-03-12T01:00:00Z"))));

    private Batch queued(String id) {
        PastCommissionRow row = new PastCommissionRow("CMS-2026-H03", "三月约稿", "800字以内", List.of("U006"),
                "2026-03-01 09:00", "2026-03-20 17:00", List.of(new PastCommissionRow.Answer("U006", "ITEM-3", null,
                "2026-03-10 10:00", true, null, "2026-03-12 09:00")));
        return new Batch(id, null, new CommissionImportStore.Input(List.of(row), null), "room-editor", "10.0.0.1",
                now, State.QUEUED, 1, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), null);
    }

    @Test
    void aBatchIsHeldByOneWorkerUntilItsLeaseRunsOutThenTakenOverAndTheFirstWorkerCanNoLongerWrite() {
        assertThat(store.accept(queued("CIMP-1"))).isTrue();
        assertThat(store.accept(queued("CIMP-1"))).as("the same content again").isFalse();

        Batch claimed = store.claimNext("worker-a", now, now.plus(lease)).orElseThrow();
        assertThat(claimed.state()).isEqualTo(State.CHECKING);
        assertThat(claimed.input().commissions()).singleElement()
                .satisfies(r -> assertThat(r.answers().get(0).revision()).isNull());
        assertThat(store.claimNext("worker-b", now.plusSeconds(29), now.plusSeconds(59))).as("lease alive").isEmpty();
        assertThat(store.commit("CIMP-1", "worker-a", 1, List.of(MARCH), now.plusSeconds(10).plus(lease))).isTrue();
        assertThat(store.written("CIMP-1", "worker-a", 0, 0, 0, now.plusSeconds(20).plus(lease))).isTrue();
        assertThat(store.claimNext("worker-b", now.plusSeconds(45), now.plusSeconds(75)))
                .as("the renewed lease holds").isEmpty();

        Batch takenOver = store.claimNext("worker-b", now.plusSeconds(51), now.plusSeconds(81)).orElseThrow();
        assertThat(takenOver.state()).isEqualTo(State.WRITING);
        assertThat(takenOver.commissions()).containsExactly(MARCH);
        assertThat(store.written("CIMP-1", "worker-a", 1, 1, 0, now.plusSeconds(90))).as("claim lost").isFalse();
        assertThat(store.finish("CIMP-1", "worker-a", 1, 0, now.plusSeconds(90))).isFalse();
        assertThat(store.find("CIMP-1").orElseThrow().state()).isEqualTo(State.WRITING);

        assertThat(store.finish("CIMP-1", "worker-b", 1, 0, now.plusSeconds(60))).isTrue();
        Batch done = store.find("CIMP-1").orElseThrow();
        assertThat(List.of(done.state(), done.added(), done.finishedAt()))
                .containsExactly(State.DONE, 1, now.plusSeconds(60));
        assertThat(store.claimNext("worker-c", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))))
                .as("a finished batch is no work").isEmpty();
    }

    @Test
    void aFailedBatchKeepsItsErrorsAndIsQueuedAgainWhenSentAgain() {
        store.accept(queued("CIMP-2"));
        store.claimNext("worker-a", now, now.plus(lease));
        assertThat(store.fail("CIMP-2", "worker-a", 1, 1, List.of(new CommissionImportStore.RowError(1,
                "targetUnitIds", "第1条约稿.targetUnitIds", "约稿单位不存在：U099")), now)).isTrue();
        assertThat(store.find("CIMP-2").orElseThrow().errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("约稿单位不存在：U099"));
        assertThat(store.claimNext("worker-b", now.plusSeconds(60), now.plusSeconds(90))).isEmpty();

        assertThat(store.requeue("CIMP-2", "room-editor", "10.0.0.2", now.plusSeconds(60))).isTrue();
        Batch again = store.claimNext("worker-b", now.plusSeconds(61), now.plusSeconds(91)).orElseThrow();
        assertThat(List.of(again.state(), again.errorCount(), again.errors()))
                .containsExactly(State.CHECKING, 0, List.of());
    }

    @Test
    void documentsFromBeforeTheBackgroundImportReadFinishedOnesAsDoneAndPendingOnesAsCommitted() {
        Document checked = new Document("id", "CMS-2026-H03").append("title", "三月约稿").append("requirements", "800字以内")
                .append("targetUnitIds", List.of("U006")).append("issuedAt", "2026-03-01T01:00:00Z")
                .append("deadline", "2026-03-20T09:00:59.999999999Z")
                .append("answers", List.of(new Document("unitId", "U006").append("itemId", "ITEM-3")
                        .append("revision", 1).append("answeredAt", "2026-03-10T02:00:00Z").append("accepted", true)
                        .append("reason", null).append("judgedAt", "2026-03-12T01:00:00Z")));
        // the shape the synchronous import wrote
        mongo.insert(new Document("_id", "CIMP-OLD-DONE").append("commissions", List.of(checked))
                .append("importedBy", "room-editor").append("origin", "10.0.0.1")
                .append("startedAt", "2026-04-01T01:00:00Z").append("done", true).append("added", 1)
                .append("alreadyPresent", 0).append("finishedAt", "2026-04-01T01:00:01Z"),
                MongoCommissionImportStore.COLLECTION);
        mongo.insert(new Document("_id", "CIMP-OLD-PENDING").append("commissions", List.of(checked))
                .append("importedBy", "room-editor").append("origin", "10.0.0.1")
                .append("startedAt", "2026-04-02T01:00:00Z").append("done", false).append("added", 0)
                .append("alreadyPresent", 0), MongoCommissionImportStore.COLLECTION);

        Batch done = store.find("CIMP-OLD-DONE").orElseThrow();
        assertThat(List.of(done.state(), done.rows(), done.checked(), done.written(), done.added(),
                done.finishedAt(), done.commissionIds())).containsExactly(State.DONE, 1, 1, 1, 1,
                Instant.parse("2026-04-01T01:00:01Z"), List.of("CMS-2026-H03"));
        assertThat(store.recent(5)).extracting(Batch::id).containsExactly("CIMP-OLD-PENDING", "CIMP-OLD-DONE");

        Batch pending = store.claimNext("worker-a", now, now.plus(lease)).orElseThrow();
        assertThat(pending.id()).isEqualTo("CIMP-OLD-PENDING");
        assertThat(List.of(pending.state(), pending.written())).containsExactly(State.WRITING, 0);
        assertThat(pending.commissions()).containsExactly(MARCH);
    }
}
