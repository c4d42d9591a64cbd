package cn.gov.eqq.govinfo.commission.tasking.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.beijing;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.issued;
import static org.assertj.core.api.Assertions.assertThat;

class RemindersTest {

    private static final Map<String, String> NAMES = Map.of("U001", "敖勒召其镇", "U006", "发改委", "U037", "营商环境促进中心");
    private static final Map<String, String> MAIL = Map.of("U001", "alzq@example.gov.cn", "U006", "fgw@example.gov.cn");
    private static final Function<String, String> NAME_OF = NAMES::get;
    private static final Function<String, String> MAIL_OF = MAIL::get;

    private List<CommissionDomainEvent> sweep(Commission c, Instant now) {
        return c.claimDueReminders(now, ReminderSchedule.DEFAULT, NAME_OF, MAIL_OF);
    }

    @Test
    void nothingIsDueBeforeTheThreeDayWindow() {
        Commission c = issued("U001");

        assertThat(sweep(c, beijing("2026-07-28T23:58:59"))).isEmpty();
        assertThat(c.reminders()).isEmpty();
    }

    @Test
    void threeDaysBeforeTheDeadlineEachUnansweredUnitIsRemindedOnce() {
        Commission c = issued("U001", "U006", "U037");
        c.recordAnswer("I1", "U006", 1, beijing("2026-07-27T10:00"), false);
        Instant threeDaysBefore = beijing("2026-07-28T23:59:59.999999999");

        List<CommissionDomainEvent> events = sweep(c, threeDaysBefore);

        assertThat(events).containsExactly(
                new CommissionDomainEvent.ReminderPosted("C1", "U001", "BEFORE_3D", c.deadline(), threeDaysBefore,
                        "alzq@example.gov.cn"),
                new CommissionDomainEvent.ReminderPosted("C1", "U037", "BEFORE_3D", c.deadline(), threeDaysBefore,
                        null));
        Reminder toTown = c.reminderFor("BEFORE_3D", "U001").orElseThrow();
        assertThat(toTown.subject()).isEqualTo("【约稿提醒】乡村振兴典型做法");
        assertThat(toTown.message()).isEqualTo("敖勒召其镇：约稿《乡村振兴典型做法》将于 2026年07月31日 23:59（北京时间）截止，"
                + "距截止不足3天，贵单位尚未报送，请按要求及时报送。");
        assertThat(toTown.mail().status()).isEqualTo(MailStatus.PENDING);
        assertThat(c.reminderFor("BEFORE_3D", "U037").orElseThrow().mail().status()).isEqualTo(MailStatus.NO_ADDRESS);

        assertThat(sweep(c, threeDaysBefore.plusSeconds(60))).isEmpty();
        assertThat(sweep(c, beijing("2026-07-30T12:00"))).isEmpty();
        assertThat(c.reminders()).hasSize(2);
    }

    @Test
    void theOneDayReminderFollowsTheThreeDayOne() {
        Commission c = issued("U001");
        sweep(c, beijing("2026-07-29T08:00"));

        List<CommissionDomainEvent> events = sweep(c, beijing("2026-07-31T00:00"));

        assertThat(events).singleElement().isInstanceOfSatisfying(CommissionDomainEvent.ReminderPosted.class,
                r -> assertThat(r.kind()).isEqualTo("BEFORE_1D"));
        assertThat(c.reminders()).extracting(Reminder::kind).containsExactly("BEFORE_3D", "BEFORE_1D");
        assertThat(c.reminderFor("BEFORE_1D", "U001").orElseThrow().message()).contains("距截止不足1天");
    }

    @Test
    void whenSeveralRemindersAreDueAtOnceOnlyTheNearestIsSent() {
        Commission c = issued("U001");

        sweep(c, beijing("2026-07-31T12:00"));

        assertThat(c.reminders()).extracting(Reminder::kind).containsExactly("BEFORE_1D");
    }

    @Test
    void afterTheDeadlineUnansweredUnitsAreOverdueAndRemindedOnceThenSweepingStops() {
        Commission c = issued("U001", "U006");
        c.recordAnswer("I1", "U006", 1, beijing("2026-07-31T23:59:59"), false);
        Instant justAfter = beijing("2026-08-01T00:00:00");

        List<CommissionDomainEvent> events = sweep(c, justAfter);

        assertThat(events).containsExactly(
                new CommissionDomainEvent.WentOverdue("C1", "U001", c.deadline(), justAfter),
                new CommissionDomainEvent.ReminderPosted("C1", "U001", "OVERDUE", c.deadline(), justAfter,
                        "alzq@example.gov.cn"));
        assertThat(c.reminderFor("OVERDUE", "U001").orElseThrow().message())
                .isEqualTo("敖勒召其镇：约稿《乡村振兴典型做法》已于 2026年07月31日 23:59（北京时间）截止，贵单位尚未报送。"
                        + "请尽快报送；逾期报送不计约稿加分。");
        assertThat(c.remindersDone()).isTrue();
        assertThat(sweep(c, justAfter.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void aUnitWhoseOnlyAnswerWasVoidedIsRemindedAgain() {
        Commission c = issued("U001");
        c.recordAnswer("I1", "U001", 1, beijing("2026-07-28T10:00"), false);
        assertThat(sweep(c, beijing("2026-07-29T10:00"))).isEmpty();

        c.voidAnswer("I1", "重复报送", beijing("2026-07-30T10:00"));

        assertThat(sweep(c, beijing("2026-07-31T10:00"))).singleElement()
                .isInstanceOfSatisfying(CommissionDomainEvent.ReminderPosted.class,
                        r -> assertThat(r.kind()).isEqualTo("BEFORE_1D"));
    }

    @Test
    void mailIsTakenUnderALeaseSentOnceAndRetriedOnlyAfterTheLeaseRunsOut() {
        Commission c = issued("U001");
        Instant t = beijing("2026-07-29T08:00");
        sweep(c, t);

        List<Reminder> taken = c.takeMailToSend(t, Duration.ofMinutes(5));
        assertThat(taken).singleElement().satisfies(r -> {
            assertThat(r.mail().status()).isEqualTo(MailStatus.SENDING);
            assertThat(r.mail().attempts()).isEqualTo(1);
        });
        assertThat(c.takeMailToSend(t.plusSeconds(60), Duration.ofMinutes(5))).isEmpty();
        // the sender died mid-send: after the lease another sender may retry
        assertThat(c.takeMailToSend(t.plusSeconds(300), Duration.ofMinutes(5))).hasSize(1);

        c.mailSent("BEFORE_3D", "U001", t.plusSeconds(301));

        assertThat(c.reminderFor("BEFORE_3D", "U001").orElseThrow().mail())
                .isEqualTo(new MailDelivery(MailStatus.SENT, "alzq@example.gov.cn", 2, null, t.plusSeconds(301), null));
        assertThat(c.takeMailToSend(t.plus(Duration.ofDays(10)), Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void failedMailIsRetriedUpToTheLimitThenLeftFailed() {
        Commission c = issued("U001");
        Instant t = beijing("2026-07-29T08:00");
        sweep(c, t);

        c.takeMailToSend(t, Duration.ofMinutes(5));
        c.mailFailed("BEFORE_3D", "U001", "connection refused", 2);
        assertThat(c.reminderFor("BEFORE_3D", "U001").orElseThrow().mail().status()).isEqualTo(MailStatus.PENDING);
        c.takeMailToSend(t, Duration.ofMinutes(5));
        c.mailFailed("BEFORE_3D", "U001", "connection refused", 2);

        assertThat(c.reminderFor("BEFORE_3D", "U001").orElseThrow().mail().status()).isEqualTo(MailStatus.FAILED);
        assertThat(c.takeMailToSend(t, Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void reminderOffsetsAreDataAndNamedByTheirLength() {
        ReminderSchedule schedule = new ReminderSchedule(List.of(Duration.ofHours(6), Duration.ofDays(2)));

        assertThat(schedule.beforeDeadline()).containsExactly(Duration.ofDays(2), Duration.ofHours(6));
        assertThat(ReminderSchedule.kindOf(Duration.ofDays(2))).isEqualTo("BEFORE_2D");
        assertThat(ReminderSchedule.kindOf(Duration.ofHours(6))).isEqualTo("BEFORE_PT6H");

        Commission c = issued("U001");
        c.claimDueReminders(beijing("2026-07-31T18:00"), schedule, NAME_OF, MAIL_OF);
        assertThat(c.reminders()).extracting(Reminder::kind).containsExactly("BEFORE_PT6H");
        assertThat(c.reminders().get(0).message()).contains("距截止不足6小时");
    }
}
