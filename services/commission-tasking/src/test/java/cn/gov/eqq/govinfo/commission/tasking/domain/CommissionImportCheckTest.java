package cn.gov.eqq.govinfo.commission.tasking.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionImportCheckTest {

    static final Instant NOW = Instant.parse("2026-10-10T02:00:00Z");

    /** U006 and U007 exist (U002 has left but keeps its history); CMS-OLD exists and ITEM-OLD answers it. */
    static final CommissionImportCheck.Known KNOWN = new CommissionImportCheck.Known() {
        @Override
        public boolean unit(String unitId) {
            return Set.of("U002", "U006", "U007").contains(unitId);
        }

        @Override
        public boolean commission(String commissionId) {
            return commissionId.equals("CMS-OLD");
        }

        @Override
        public Optional<String> commissionAnsweredBy(String itemId) {
            return Optional.ofNullable(Map.of("ITEM-OLD", "CMS-OLD").get(itemId));
        }
    };

    static PastCommissionRow.Answer accepted(String unit, String item, String at, String judgedAt) {
        return new PastCommissionRow.Answer(unit, item, null, at, true, null, judgedAt);
    }

    static PastCommissionRow march(List<PastCommissionRow.Answer> answers) {
        return new PastCommissionRow("CMS-2026-0003", "乡村振兴典型做法", "800字以内", List.of("U006", "U007", "U002"),
                "2026-03-01 09:00", "2026-03-31 17:00", answers);
    }

    @Test
    void aPastDeadlineIsTakenInAnImportWithItsAnswersAndJudgements() {
        CommissionImportCheck.Result r = CommissionImportCheck.check(List.of(march(List.of(
                accepted("U006", "ITEM-1", "2026-03-20T10:00", "2026-03-22 09:00"),
                new PastCommissionRow.Answer("U007", "ITEM-2", 2, "2026-03-31 17:00:59", false, "未附典型案例",
                        "2026-04-02 09:00"),
                new PastCommissionRow.Answer("U002", "ITEM-3", null, "2026-04-01 08:00", null, null, null)))),
                KNOWN, NOW);

        assertThat(r.problems()).isEmpty();
        PastCommission c = r.commissions().get(0);
        assertThat(c.id()).isEqualTo("CMS-2026-0003");
        assertThat(c.deadline().instant()).isEqualTo(Instant.parse("2026-03-31T09:00:59.999999999Z"));
        assertThat(c.issuedAt()).isEqualTo(Instant.parse("2026-03-01T01:00:00Z"));
        assertThat(c.answers()).containsExactly(
                new PastCommission.Answer("U006", "ITEM-1", 1, Instant.parse("2026-03-20T02:00:00Z"), true, null,
                        Instant.parse("2026-03-22T01:00:00Z")),
                new PastCommission.Answer("U007", "ITEM-2", 2, Instant.parse("2026-03-31T09:00:59Z"), false,
                        "未附典型案例", Instant.parse("2026-04-02T01:00:00Z")),
                new PastCommission.Answer("U002", "ITEM-3", 1, Instant.parse("2026-04-01T00:00:00Z"), null, null,
                        null));
    }

    @Test
    void everyBadEntryIsToldInChineseAndNothingIsPlanned() {
        PastCommissionRow good = march(List.of(accepted("U006", "ITEM-1", "2026-03-20 10:00", "2026-03-22 09:00")));
        PastCommissionRow bad = new PastCommissionRow("CMS-OLD", " ", null, List.of("U006", "U099"),
                "2026-03-01 09:00", "31/03/2026", List.of(
                accepted("U037", "ITEM-1", "2026-03-20 10:00", "2026-03-19 10:00"),
                new PastCommissionRow.Answer("U006", "ITEM-OLD", 1, "2026-11-01 10:00", false, null, "2026-11-02 09:00"),
                new PastCommissionRow.Answer("U006", "ITEM-9", 1, "2026-02-01 10:00", null, "理由", null)));

        CommissionImportCheck.Result r = CommissionImportCheck.check(List.of(good, bad), KNOWN, NOW);

        assertThat(r.commissions()).isEmpty();
        assertThat(r.problems()).containsExactly(
                new ImportProblem("第2条约稿.title", "约稿标题不能为空"),
                new ImportProblem("第2条约稿.requirements", "约稿要求不能为空"),
                new ImportProblem("第2条约稿.targetUnitIds", "约稿单位不存在：U099"),
                new ImportProblem("第2条约稿.deadline", "截止时间“31/03/2026”无法识别，请写成 2026-03-31 17:00 的形式（北京时间）"),
                new ImportProblem("第2条约稿.id", "约稿 CMS-OLD 已存在，不能再次补录"),
                new ImportProblem("第2条约稿.答复第1条.unitId", "单位 U037 不在该约稿的约稿单位之中"),
                new ImportProblem("第2条约稿.答复第1条.itemId", "信息 ITEM-1 已在第1条约稿.答复第1条中作为答复"),
                new ImportProblem("第2条约稿.答复第1条.judgedAt", "审核时间早于答复时间"),
                new ImportProblem("第2条约稿.答复第2条.itemId", "信息 ITEM-OLD 已是约稿 CMS-OLD 的答复"),
                new ImportProblem("第2条约稿.答复第2条.answeredAt", "答复时间晚于现在，补录只收已发生的事"),
                new ImportProblem("第2条约稿.答复第2条.judgedAt", "审核时间晚于现在，补录只收已发生的事"),
                new ImportProblem("第2条约稿.答复第2条.reason", "不采纳时必须填写理由"),
                new ImportProblem("第2条约稿.答复第3条.answeredAt", "答复时间早于约稿下达时间"),
                new ImportProblem("第2条约稿.答复第3条.accepted", "填写了审核时间或理由，却未填写是否采纳（accepted）"));
    }

    @Test
    void theSameCommissionWithoutAnIdGetsTheSameIdInEveryFile() {
        PastCommissionRow noId = new PastCommissionRow(null, "营商环境", "500字", List.of("U007", "U006"),
                "2026-05-01 09:00", "2026-05-20 18:00", List.of());
        PastCommissionRow sameOtherOrder = new PastCommissionRow("", "营商环境", "另一份要求", List.of("U006", "U007"),
                "2026-05-02 09:00", "2026-05-20 18:00", List.of());

        String first = CommissionImportCheck.check(List.of(noId), KNOWN, NOW).commissions().get(0).id();
        assertThat(first).startsWith("CMS-H-").hasSize(26);
        assertThat(CommissionImportCheck.check(List.of(sameOtherOrder), KNOWN, NOW).commissions().get(0).id())
                .isEqualTo(first);
        assertThat(CommissionImportCheck.check(List.of(noId, sameOtherOrder), KNOWN, NOW).problems())
                .containsExactly(new ImportProblem("第2条约稿.id", "与第1条约稿是同一约稿（" + first + "），请勿重复填写"));
    }

    @Test
    void anImportedCommissionTellsTheEventsTheLiveOneWouldHaveToldAtTheirRealTimes() {
        PastCommission c = CommissionImportCheck.check(List.of(march(List.of(
                accepted("U006", "ITEM-1", "2026-03-20 10:00", "2026-03-22 09:00"),
                accepted("U007", "ITEM-2", "2026-04-01 08:00", "2026-04-02 09:00")))), KNOWN, NOW)
                .commissions().get(0);

        Commission.Issuing issuing = Commission.imported(c, "room-editor", NOW);

        Deadline deadline = c.deadline();
        Instant a1 = Instant.parse("2026-03-20T02:00:00Z");
        Instant a2 = Instant.parse("2026-04-01T00:00:00Z");
        assertThat(issuing.events()).containsExactly(
                new CommissionDomainEvent.Issued("CMS-2026-0003", "乡村振兴典型做法", "800字以内",
                        List.of("U006", "U007", "U002"), deadline, "room-editor", Instant.parse("2026-03-01T01:00:00Z")),
                new CommissionDomainEvent.Answered("CMS-2026-0003", "U006", "ITEM-1", 1, a1, deadline, true),
                new CommissionDomainEvent.AnswerJudged("CMS-2026-0003", "U006", "ITEM-1", a1, deadline, true, null,
                        "room-editor", Instant.parse("2026-03-22T01:00:00Z")),
                new CommissionDomainEvent.Answered("CMS-2026-0003", "U007", "ITEM-2", 1, a2, deadline, false),
                new CommissionDomainEvent.AnswerJudged("CMS-2026-0003", "U007", "ITEM-2", a2, deadline, true, null,
                        "room-editor", Instant.parse("2026-04-02T01:00:00Z")));
        Commission imported = issuing.commission();
        assertThat(imported.outcomeOf("U006", NOW).answeredOnTime()).isTrue();
        assertThat(imported.outcomeOf("U007", NOW).answeredLate()).isTrue();
        assertThat(imported.outcomeOf("U007", NOW).accepted()).isTrue();
        // history sends no reminders: its deadline passed long ago
        assertThat(imported.claimDueReminders(NOW, ReminderSchedule.DEFAULT, u -> u, u -> null)).isEmpty();
    }
}
