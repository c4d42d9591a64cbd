package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.CommissionTaskingApplication;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.commission.tasking.application.RemindingUnits;
import cn.gov.eqq.govinfo.commission.tasking.domain.NewCommission;
import cn.gov.eqq.govinfo.commissiontesting.TestClockConfiguration;
import cn.gov.eqq.govinfo.commissiontesting.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders are sent once each even when the service stops and starts again: each "process" here is a separate
 * application context of the real service over the same database, SMTP server and broker; nothing survives from
 * one to the next but what the database holds.
 */
class RemindersAcrossRestartTest extends CommissionAppTestBase {

    private static final String DATABASE = "commission-restart";

    @Autowired
    EmbeddedKafkaBroker broker;

    private ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(CommissionTaskingApplication.class, TestClockConfiguration.class)
                // command-line arguments: they outrank application.yml, as a real deployment's environment does
                .run(standaloneArguments(DATABASE, broker.getBrokersAsString()));
    }

    @Test
    void remindersAreSentOnceEachAlsoWhenTheServiceRestartsInBetween() {
        String id;
        try (ConfigurableApplicationContext first = startService()) {
            first.getBean(MongoTemplate.class).remove(new Query(), "commissions");
            MongoUnitDirectory units = first.getBean(MongoUnitDirectory.class);
            units.apply("U001", "敖勒召其镇", 1, true, Instant.parse("2026-01-01T00:00:00Z"));
            units.apply("U006", "发改委", 2, true, Instant.parse("2026-01-01T00:00:00Z"));
            id = first.getBean(Commissioning.class).issue(new NewCommission("乡村振兴典型做法", "800字以内",
                    List.of("U001", "U006"), LocalDateTime.parse("2026-07-31T23:59")), "room-editor").id();

            clock.setBeijing("2026-07-29T08:00");
            // the process claims the reminders and dies before it gets round to the e-mails
            assertThat(first.getBean(RemindingUnits.class).claimDueReminders()).isEqualTo(2);
        }
        assertThat(TestSmtp.received()).isEmpty();

        try (ConfigurableApplicationContext second = startService()) {
            RemindingUnits reminders = second.getBean(RemindingUnits.class);
            clock.setBeijing("2026-07-29T08:01");
            assertThat(reminders.run()).as("already claimed before the restart").isZero();
            assertThat(TestSmtp.received()).as("the claimed e-mails go out after the restart").hasSize(2);
            assertThat(reminders.run()).isZero();
        }

        try (ConfigurableApplicationContext third = startService()) {
            RemindingUnits reminders = third.getBean(RemindingUnits.class);
            clock.setBeijing("2026-07-29T09:00");
            assertThat(reminders.run()).isZero();
            assertThat(TestSmtp.received()).hasSize(2);

            clock.setBeijing("2026-07-31T08:00");
            assertThat(reminders.run()).isEqualTo(2);
            assertThat(TestSmtp.received()).hasSize(4);
        }

        try (ConfigurableApplicationContext fourth = startService()) {
            RemindingUnits reminders = fourth.getBean(RemindingUnits.class);
            clock.setBeijing("2026-07-31T09:00");
            assertThat(reminders.run()).isZero();
            clock.setBeijing("2026-08-01T00:05");
            assertThat(reminders.run()).isEqualTo(2);
            assertThat(reminders.run()).isZero();
            assertThat(TestSmtp.received()).hasSize(6);
            assertThat(fourth.getBean(Commissioning.class).get(id).reminders())
                    .extracting(r -> r.kind() + "/" + r.unitId() + "/" + r.mail().status())
                    .containsExactly("BEFORE_3D/U001/SENT", "BEFORE_3D/U006/SENT", "BEFORE_1D/U001/SENT",
                            "BEFORE_1D/U006/SENT", "OVERDUE/U001/SENT", "OVERDUE/U006/SENT");
        }
    }
}
