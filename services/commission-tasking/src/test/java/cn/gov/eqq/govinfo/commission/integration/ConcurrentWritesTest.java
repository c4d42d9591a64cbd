package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.commission.tasking.application.CommissionSettings;
import cn.gov.eqq.govinfo.commission.tasking.application.IntegrationEvents;
import cn.gov.eqq.govinfo.commission.tasking.application.MailAddressBook;
import cn.gov.eqq.govinfo.commission.tasking.application.ReminderMailer;
import cn.gov.eqq.govinfo.commission.tasking.application.RemindingUnits;
import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.NewCommission;
import cn.gov.eqq.govinfo.commissiontesting.TestSmtp;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.eqq.govinfo.testsupport.time.MutableClock.beijing;
import static org.assertj.core.api.Assertions.assertThat;

/** The version-conditional single-document write is what makes a claim exclusive and keeps state exact. */
class ConcurrentWritesTest extends CommissionAppTestBase {

    @Autowired
    MongoCommissionStore store;
    @Autowired
    Commissioning commissions;
    @Autowired
    IntegrationEvents events;
    @Autowired
    CommissionSettings settings;
    @Autowired
    MailAddressBook addresses;
    @Autowired
    ReminderMailer mailer;
    @Autowired
    MongoUnitDirectory directory;

    private Commission issue() {
        return commissions.issue(new NewCommission("乡村振兴典型做法", "800字以内", List.of("U001", "U006", "U037"),
                LocalDateTime.parse("2026-07-31T23:59")), "room-editor");
    }

    @Test
    void aCommissionReadsBackExactlyAsItWasWritten() {
        Commission c = issue();
        commissions.recordAnswer(
                new Commissioning.RecordAnswer(c.id(), "I1", "U001", 2, beijing("2026-07-31T23:59:59").plusNanos(123_456_789), true));
        commissions.judge(new Commissioning.JudgeAnswer(c.id(), "I1", false, "偏离主题", "room-editor"));

        Commission read = store.find(c.id()).orElseThrow();

        assertThat(read.answers()).singleElement().satisfies(a -> {
            assertThat(a.submittedAt()).isEqualTo(beijing("2026-07-31T23:59:59").plusNanos(123_456_789));
            assertThat(a.revision()).isEqualTo(2);
            assertThat(a.received()).isTrue();
            assertThat(a.judgement().reason()).isEqualTo("偏离主题");
        });
        assertThat(read.deadline()).isEqualTo(c.deadline());
        assertThat(read.outcomeOf("U001", beijing("2026-08-01T00:00")).answeredOnTime()).isTrue();
        assertThat(read.version()).isEqualTo(3);
    }

    @Test
    void receivingAnAnswerIsStoredThoughItPublishesNothing() {
        Commission c = issue();
        commissions.recordAnswer(
                new Commissioning.RecordAnswer(c.id(), "I1", "U001", 1, beijing("2026-07-25T10:00"), false));

        commissions.recordAnswer(
                new Commissioning.RecordAnswer(c.id(), "I1", "U001", 1, beijing("2026-07-25T10:00"), true));

        Commission read = store.find(c.id()).orElseThrow();
        assertThat(read.answer("I1")).get().satisfies(a -> assertThat(a.received()).isTrue());
        // and the room can now judge it
        commissions.judge(new Commissioning.JudgeAnswer(c.id(), "I1", true, null, "room-editor"));
        assertThat(store.find(c.id()).orElseThrow().answer("I1")).get()
                .satisfies(a -> assertThat(a.accepted()).isTrue());
    }

    @Test
    void aCommandThatChangesNothingWritesNothing() {
        Commission c = issue();
        commissions.recordAnswer(
                new Commissioning.RecordAnswer(c.id(), "I1", "U001", 1, beijing("2026-07-25T10:00"), true));
        long version = store.find(c.id()).orElseThrow().version();

        commissions.recordAnswer(
                new Commissioning.RecordAnswer(c.id(), "I1", "U001", 1, beijing("2026-07-25T10:00"), true)); // redelivered

        assertThat(store.find(c.id()).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void aWriteBasedOnAStaleReadIsRefusedAndLeavesTheOutboxAlone() {
        Commission c = issue();
        Commission first = store.find(c.id()).orElseThrow();
        Commission second = store.find(c.id()).orElseThrow();

        var a = first.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), false);
        var b = second.recordAnswer("I2", "U006", 1, beijing("2026-07-25T11:00"), false);

        assertThat(store.update(first, events.outboxEntries(a, clock.instant()))).isTrue();
        assertThat(store.update(second, events.outboxEntries(b, clock.instant()))).isFalse();
        assertThat(store.find(c.id()).orElseThrow().answers()).extracting(x -> x.itemId()).containsExactly("I1");
    }

    @Test
    void twoInstancesSweepingAtOnceClaimAndMailEachReminderOnce() throws Exception {
        issue();
        issue();
        clock.setBeijing("2026-07-29T08:00");
        Runnable noKick = () -> { };
        List<RemindingUnits> instances = List.of(
                new RemindingUnits(store, directory, addresses, mailer, events, settings, clock, noKick),
                new RemindingUnits(store, directory, addresses, mailer, events, settings, clock, noKick),
                new RemindingUnits(store, directory, addresses, mailer, events, settings, clock, noKick));

        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            List<Callable<Integer>> sweeps = new ArrayList<>();
            instances.forEach(r -> sweeps.add(r::run));
            int claimed = 0;
            for (Future<Integer> f : pool.invokeAll(sweeps)) {
                claimed += f.get();
            }
            assertThat(claimed).as("3 units × 2 commissions, claimed once in all").isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
        // e-mails whose sender lost a race are picked up by the next round
        instances.get(0).run();

        assertThat(TestSmtp.received()).as("U001 and U006 have addresses: 2 × 2 e-mails").hasSize(4);
        for (Document d : mongo.findAll(Document.class, "commissions")) {
            assertThat(d.getList("reminders", Document.class)).hasSize(3);
        }
    }
}
