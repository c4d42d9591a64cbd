package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.application.CommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import cn.gov.eqq.govinfo.commission.tasking.application.IntegrationEvents;
import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxEntry;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's staging and commit against the Mongo test server, one worker after another: a worker that dies
 * half-way through writing a committed import leaves it to the next worker once its lease has run out, which writes
 * on with each commission and each event exactly once and counts what its predecessor wrote as the import's own;
 * an import refused by its checks writes nothing at all; an import left pending before imports ran in the
 * background is finished too.
 */
class ImportCrashRecoveryTest {

    private final MongoClient client = MongoClients.create(MongoTestServer.uri("commission-import-crash"));
    private final MongoTemplate mongo = new MongoTemplate(client, "import-crash-" + UUID.randomUUID());
    private final MongoCommissionStore commissions = new MongoCommissionStore(mongo);
    private final MongoCommissionImportStore batches = new MongoCommissionImportStore(mongo);
    private final MongoUnitDirectory units = new MongoUnitDirectory(mongo);
    private final IntegrationEvents events = new IntegrationEvents(new EventCodec(), "commission-tasking");
    private final Instant now = Instant.parse("2026-10-10T02:00:00Z");

    {
        for (String u : List.of("U006", "U007", "U037")) {
            units.apply(u, u, 2, true, Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** The commission store of a process that dies after {@code survive} inserts: the rest never happens. */
    private MongoCommissionStore dyingAfter(int survive) {
        AtomicInteger inserts = new AtomicInteger();
        return new MongoCommissionStore(mongo) {
            @Override
            public Imported insertImported(Commission commission, List<OutboxEntry> outbox, String batchId) {
                if (inserts.incrementAndGet() > survive) {
                    throw new IllegalStateException("进程在导入中途终止");
                }
                return super.insertImported(commission, outbox, batchId);
            }
        };
    }

    /** A worker (a process) at {@code at}, writing parts of two commissions, working in the caller's thread. */
    private ImportingPastCommissions worker(MongoCommissionStore store, Instant at) {
        return new ImportingPastCommissions(store, batches, units, events, Clock.fixed(at, ZoneOffset.UTC), () -> {
        }, Runnable::run, new ImportingPastCommissions.Settings(Duration.ofSeconds(30), 2, Duration.ZERO));
    }

    private static ImportingPastCommissions.ImportCommissions sent(List<PastCommissionRow> rows) {
        return new ImportingPastCommissions.ImportCommissions(rows, "room-editor", "10.0.0.1");
    }

    private static List<PastCommissionRow> threeCommissions() {
        List<PastCommissionRow> rows = new ArrayList<>();
        for (int m = 3; m <= 5; m++) {
            rows.add(new PastCommissionRow("CMS-2026-H0" + m, "第" + m + "月约稿", "800字以内", List.of("U006", "U007"),
                    "2026-0" + m + "-01 09:00", "2026-0" + m + "-20 17:00", List.of(
                    new PastCommissionRow.Answer("U006", "ITEM-" + m, 1, "2026-0" + m + "-10 10:00", true, null,
                            "2026-0" + m + "-12 09:00"))));
        }
        return rows;
    }

    @Test
    void anImportCutShortMidPartIsFinishedByTheNextWorkerWithEveryCommissionAndEventExactlyOnce() {
        // the first part is [H03, H04]: the process dies after writing H03, before it could record the part
        String batchId = worker(dyingAfter(1), now).accept(sent(threeCommissions())).batch().id();
        assertThat(ids()).containsExactly("CMS-2026-H03");
        CommissionImportStore.Batch cutOff = batches.find(batchId).orElseThrow();
        assertThat(List.of(cutOff.state(), cutOff.written())).containsExactly(CommissionImportStore.State.WRITING, 0);

        assertThat(worker(commissions, now.plusSeconds(20)).runPending()).as("the lease still holds").isZero();
        ImportingPastCommissions next = worker(commissions, now.plus(Duration.ofMinutes(1)));
        assertThat(next.runPending()).isEqualTo(1);
        assertThat(next.runPending()).isZero();

        assertThat(ids()).containsExactly("CMS-2026-H03", "CMS-2026-H04", "CMS-2026-H05");
        assertThat(eventTypesPerCommission()).containsExactly(
                Map.entry("CMS-2026-H03", List.of("CommissionIssued", "CommissionAnswered", "CommissionAnswerJudged")),
                Map.entry("CMS-2026-H04", List.of("CommissionIssued", "CommissionAnswered", "CommissionAnswerJudged")),
                Map.entry("CMS-2026-H05", List.of("CommissionIssued", "CommissionAnswered", "CommissionAnswerJudged")));
        CommissionImportStore.Batch done = batches.find(batchId).orElseThrow();
        assertThat(List.of(done.state(), done.rows(), done.written(), done.added(), done.alreadyPresent()))
                .as("what the first worker wrote counts as the import's own")
                .containsExactly(CommissionImportStore.State.DONE, 3, 3, 3, 0);

        // the room, unsure whether it landed, sends the same import again: told it is a repeat, nothing added
        ImportingPastCommissions.Accepted again = next.accept(sent(threeCommissions()));
        assertThat(again.repeated()).isTrue();
        assertThat(again.batch().id()).isEqualTo(batchId);
        assertThat(ids()).hasSize(3);
    }

    @Test
    void anImportWithOneBadEntryFailsWithItsErrorAndWritesNothing() {
        List<PastCommissionRow> rows = new ArrayList<>(threeCommissions());
        rows.set(1, new PastCommissionRow("CMS-2026-H04", "第4月约稿", "800字以内", List.of("U006"),
                "2026-04-01 09:00", "2026-04-20 17:00", List.of(new PastCommissionRow.Answer("U037", "ITEM-4", 1,
                "2026-04-10 10:00", true, null, "2026-04-12 09:00"))));

        CommissionImportStore.Batch failed = worker(commissions, now).accept(sent(rows)).batch();

        assertThat(failed.state()).isEqualTo(CommissionImportStore.State.FAILED);
        assertThat(failed.errors()).containsExactly(new CommissionImportStore.RowError(2, "答复第1条.unitId",
                "第2条约稿.答复第1条.unitId", "单位 U037 不在该约稿的约稿单位之中"));
        assertThat(mongo.count(new Query(), MongoCommissionStore.COLLECTION)).isZero();
    }

    @Test
    void anImportLeftPendingBeforeImportsRanInTheBackgroundIsFinished() {
        // the synchronous import stored the checked commissions, wrote the first and died
        mongo.insert(new Document("_id", "CIMP-OLD").append("commissions", List.of(
                        old("CMS-2026-H03", "第3月约稿", "2026-03"), old("CMS-2026-H04", "第4月约稿", "2026-04")))
                .append("importedBy", "room-editor").append("origin", "10.0.0.1")
                .append("startedAt", "2026-10-01T01:00:00Z").append("done", false).append("added", 0)
                .append("alreadyPresent", 0), MongoCommissionImportStore.COLLECTION);
        commissions.insert(Commission.imported(batches.find("CIMP-OLD").orElseThrow().commissions().get(0),
                "room-editor", now).commission(), List.of());

        assertThat(worker(commissions, now).runPending()).isEqualTo(1);

        assertThat(ids()).containsExactly("CMS-2026-H03", "CMS-2026-H04");
        CommissionImportStore.Batch done = batches.find("CIMP-OLD").orElseThrow();
        assertThat(List.of(done.state(), done.written(), done.added(), done.alreadyPresent()))
                .containsExactly(CommissionImportStore.State.DONE, 2, 1, 1);
    }

    private static Document old(String id, String title, String month) {
        return new Document("id", id).append("title", title).append("requirements", "800字以内")
                .append("targetUnitIds", List.of("U006", "U007")).append("issuedAt", month + "-01T01:00:00Z")
                .append("deadline", month + "-20T09:00:59.999999999Z")
                .append("answers", List.of(new Document("unitId", "U006").append("itemId", "ITEM-" + id)
                        .append("revision", 1).append("answeredAt", month + "-10T02:00:00Z").append("accepted", true)
                        .append("reason", null).append("judgedAt", month + "-12T01:00:00Z")));
    }

    private List<String> ids() {
        return mongo.findAll(Document.class, MongoCommissionStore.COLLECTION).stream().map(d -> d.getString("_id"))
                .sorted().toList();
    }

    private Map<String, List<String>> eventTypesPerCommission() {
        Map<String, List<String>> out = new TreeMap<>();
        EventCodec codec = new EventCodec();
        for (Document d : mongo.findAll(Document.class, MongoCommissionStore.COLLECTION)) {
            out.put(d.getString("_id"), d.getList("outbox", Document.class).stream()
                    .map(e -> codec.decode(e.getString("json")).type()).toList());
        }
        return out;
    }
}
