package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import cn.gov.eqq.govinfo.commission.tasking.application.IntegrationEvents;
import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.PastCommissionRow;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import's staging and commit against the Mongo test server: a process that dies half-way through applying a
 * committed import leaves it pending, and the recovery completes it with each commission and each event exactly
 * once; an import refused by its checks writes nothing at all.
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
            public boolean insertIfAbsent(Commission commission, List<OutboxEntry> outbox) {
                if (inserts.incrementAndGet() > survive) {
                    throw new IllegalStateException("进程在导入中途终止");
                }
                return super.insertIfAbsent(commission, outbox);
            }
        };
    }

    private ImportingPastCommissions importing(MongoCommissionStore store, Instant at) {
        return new ImportingPastCommissions(store, batches, units, events, Clock.fixed(at, ZoneOffset.UTC), () -> {
        });
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
    void anImportCutShortIsCompletedByTheRecoveryWithEveryCommissionAndEventExactlyOnce() {
        assertThatThrownBy(() -> importing(dyingAfter(1), now).importPast(threeCommissions(), "room-editor", "10.0.0.1"))
                .hasMessage("进程在导入中途终止");
        assertThat(ids()).containsExactly("CMS-2026-H03");
        assertThat(batches.pendingSince(now.plusSeconds(1))).hasSize(1);

        // a fresh process, a minute later: the recovery finds the committed batch and applies the rest
        ImportingPastCommissions restarted = importing(commissions, now.plus(Duration.ofMinutes(1)));
        assertThat(restarted.completePending()).isEqualTo(1);
        assertThat(restarted.completePending()).isZero();

        assertThat(ids()).containsExactly("CMS-2026-H03", "CMS-2026-H04", "CMS-2026-H05");
        assertThat(eventTypesPerCommission()).containsExactly(
                Map.entry("CMS-2026-H03", List.of("CommissionIssued", "CommissionAnswered", "CommissionAnswerJudged")),
                Map.entry("CMS-2026-H04", List.of("CommissionIssued", "CommissionAnswered", "CommissionAnswerJudged")),
                Map.entry("CMS-2026-H05", List.of("CommissionIssued", "CommissionAnswered", "CommissionAnswerJudged")));
        assertThat(batches.recent(5)).singleElement().satisfies(b -> {
            assertThat(b.done()).isTrue();
            assertThat(b.added()).isEqualTo(2);
            assertThat(b.alreadyPresent()).isEqualTo(1);
        });

        // the room, unsure whether it landed, sends the same import again: told it is a repeat, nothing added
        ImportingPastCommissions.Outcome again = restarted.importPast(threeCommissions(), "room-editor", "10.0.0.1");
        assertThat(again.repeated()).isTrue();
        assertThat(again.added()).isZero();
        assertThat(ids()).hasSize(3);
    }

    @Test
    void theSameImportSentAgainWhileTheFirstWasCutShortFinishesItOnce() {
        assertThatThrownBy(() -> importing(dyingAfter(2), now).importPast(threeCommissions(), "room-editor", "x"))
                .isInstanceOf(IllegalStateException.class);

        ImportingPastCommissions.Outcome rerun = importing(commissions, now).importPast(threeCommissions(), "room-editor", "x");

        assertThat(rerun.added()).isEqualTo(1);
        assertThat(rerun.alreadyPresent()).isEqualTo(2);
        assertThat(ids()).containsExactly("CMS-2026-H03", "CMS-2026-H04", "CMS-2026-H05");
        assertThat(eventTypesPerCommission().values()).allSatisfy(types -> assertThat(types).hasSize(3));
    }

    @Test
    void anImportWithOneBadEntryWritesNothing() {
        List<PastCommissionRow> rows = new ArrayList<>(threeCommissions());
        rows.set(1, new PastCommissionRow("CMS-2026-H04", "第4月约稿", "800字以内", List.of("U006"),
                "2026-04-01 09:00", "2026-04-20 17:00", List.of(new PastCommissionRow.Answer("U037", "ITEM-4", 1,
                "2026-04-10 10:00", true, null, "2026-04-12 09:00"))));

        assertThatThrownBy(() -> importing(commissions, now).importPast(rows, "room-editor", "x"))
                .isInstanceOfSatisfying(UseCaseFailure.class, p -> {
                    assertThat(p.kind()).isEqualTo(UseCaseFailure.Kind.INVALID);
                    assertThat(p.code()).isEqualTo("import.invalid");
                    assertThat(p.getMessage()).isEqualTo("导入内容有 1 处错误，未导入任何数据；请修改后重新导入");
                    assertThat(p.errors()).containsExactly(new UseCaseFailure.FieldError("第2条约稿.答复第1条.unitId",
                            "单位 U037 不在该约稿的约稿单位之中"));
                });
        assertThat(mongo.count(new Query(), MongoCommissionStore.COLLECTION)).isZero();
        assertThat(mongo.count(new Query(), MongoCommissionImportStore.COLLECTION)).isZero();
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
