package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.commission.tasking.application.RemindingUnits;
import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.NewCommission;
import cn.gov.eqq.govinfo.commissiontesting.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static cn.gov.eqq.govinfo.testsupport.time.MutableClock.beijing;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.reporter;
import static cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reminders through the real SMTP server (GreenMail) and the portal notice endpoint. */
class RemindersEndToEndTest extends CommissionAppTestBase {

    @Autowired
    Commissioning commissions;
    @Autowired
    RemindingUnits reminders;

    private Commission issueToThreeUnits() {
        return commissions.issue(new NewCommission("乡村振兴典型做法", "800字以内", List.of("U001", "U006", "U037"),
                LocalDateTime.parse("2026-07-31T23:59")), "room-editor");
    }

    private static List<String> recipients() {
        return Arrays.stream(TestSmtp.received()).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void threeDaysBeforeTheDeadlineUnitsThatHaveNotAnsweredGetANoticeAndOneEmail() throws Exception {
        Commission c = issueToThreeUnits();
        commissions.recordAnswer(
                new Commissioning.RecordAnswer(c.id(), "I6", "U006", 1, beijing("2026-07-27T10:00"), false));
        clock.setBeijing("2026-07-29T08:00");

        assertThat(reminders.run()).isEqualTo(2);

        MimeMessage[] mails = TestSmtp.received();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("alzq@example.gov.cn");
        assertThat(mails[0].getFrom()[0].toString()).isEqualTo("govinfo-noreply@localhost");
        assertThat(mails[0].getSubject()).isEqualTo("【约稿提醒】乡村振兴典型做法");
        assertThat(((String) mails[0].getContent()).strip()).isEqualTo("敖勒召其镇：约稿《乡村振兴典型做法》将于 "
                + "2026年07月31日 23:59（北京时间）截止，距截止不足3天，贵单位尚未报送，请按要求及时报送。");

        mvc.perform(get("/api/commission/notices").with(reporter("U001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("BEFORE_3D"))
                .andExpect(jsonPath("$[0].title").value("乡村振兴典型做法"))
                .andExpect(jsonPath("$[0].mailStatus").value("SENT"));
        mvc.perform(get("/api/commission/notices").with(reporter("U037")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].mailStatus").value("NO_ADDRESS"));
        mvc.perform(get("/api/commission/notices").with(reporter("U006")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/commission/notices").param("unitId", "U037").with(room()))
                .andExpect(jsonPath("$.length()").value(1));

        // the sweep runs every minute: nothing is sent twice
        clock.setBeijing("2026-07-29T08:01");
        assertThat(reminders.run()).isZero();
        clock.setBeijing("2026-07-30T20:00");
        assertThat(reminders.run()).isZero();
        assertThat(TestSmtp.received()).hasSize(1);
    }

    @Test
    void oneDayBeforeAndWhenOverdueEachUnansweredUnitIsRemindedOnceMore() throws Exception {
        Commission c = issueToThreeUnits();
        clock.setBeijing("2026-07-29T08:00");
        reminders.run();
        commissions.recordAnswer(
                new Commissioning.RecordAnswer(c.id(), "I6", "U006", 1, beijing("2026-07-29T09:00"), false));

        clock.setBeijing("2026-07-31T00:00");
        assertThat(reminders.run()).isEqualTo(2);
        clock.setBeijing("2026-07-31T23:59:59");
        assertThat(reminders.run()).isZero();
        clock.setBeijing("2026-08-01T00:00");
        assertThat(reminders.run()).isEqualTo(2);
        clock.setBeijing("2026-08-05T00:00");
        assertThat(reminders.run()).isZero();

        // GreenMail lists messages by mailbox, not by arrival
        assertThat(recipients()).containsExactlyInAnyOrder("alzq@example.gov.cn", "fgw@example.gov.cn",
                "alzq@example.gov.cn", "alzq@example.gov.cn");
        assertThat(Arrays.stream(TestSmtp.received()).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("【约稿提醒】乡村振兴典型做法", "【约稿提醒】乡村振兴典型做法",
                "【约稿提醒】乡村振兴典型做法", "【约稿逾期】乡村振兴典型做法");
        mvc.perform(get("/api/commission/notices").with(reporter("U001")))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].kind").value("OVERDUE"))
                .andExpect(jsonPath("$[1].kind").value("BEFORE_1D"))
                .andExpect(jsonPath("$[2].kind").value("BEFORE_3D"));
        mvc.perform(get("/api/commission/commissions/{id}", c.id()).with(room()))
                .andExpect(jsonPath("$.targets[0].status").value("逾期未报"))
                .andExpect(jsonPath("$.targets[1].status").value("按时报送，待信息室接收"));
    }
}
