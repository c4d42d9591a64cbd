package cn.gov.eqq.govinfo.commission.tasking.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.ACTIVE_UNITS;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.ISSUED_AT;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.beijing;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommissionTest {

    @Nested
    class Issuing {

        @Test
        void issuedCommissionKeepsItsRequestAndABeijingDeadline() {
            Commission.Issuing issuing = Commission.issue("C1",
                    new NewCommission(" 乡村振兴典型做法 ", "800字以内", List.of("U001", "U006", "U001"),
                            LocalDateTime.parse("2026-08-01T07:30")),
                    "room-editor", ISSUED_AT, ACTIVE_UNITS::contains);

            Commission c = issuing.commission();
            assertThat(c.title()).isEqualTo("乡村振兴典型做法");
            assertThat(c.targetUnitIds()).containsExactly("U001", "U006");
            // 07:30 Beijing on Aug 1 is still July 31 in UTC; the deadline covers the whole minute
            assertThat(c.deadline().instant()).isEqualTo(Instant.parse("2026-07-31T23:30:59.999999999Z"));
            assertThat(c.deadline().display()).isEqualTo("2026年08月01日 07:30");
            assertThat(issuing.events()).singleElement().isEqualTo(new CommissionDomainEvent.Issued("C1",
                    "乡村振兴典型做法", "800字以内", List.of("U001", "U006"), c.deadline(), "room-editor", ISSUED_AT));
        }

        @Test
        void commissionToAnUnknownOrDissolvedUnitIsRefused() {
            assertThatThrownBy(() -> Commission.issue("C1", new NewCommission("t", "r", List.of("U001", "U999"),
                    LocalDateTime.parse("2026-07-31T23:59")), "room", ISSUED_AT, ACTIVE_UNITS::contains))
                    .isInstanceOf(CommissionRuleViolation.class)
                    .hasMessageContaining("U999")
                    .extracting(e -> ((CommissionRuleViolation) e).code()).isEqualTo("commission.unknown-unit");
        }

        @Test
        void commissionWithoutTargetsTitleOrRequirementsIsRefused() {
            LocalDateTime deadline = LocalDateTime.parse("2026-07-31T23:59");
            assertThatThrownBy(() -> Commission.issue("C1", new NewCommission("t", "r", List.of(), deadline), "room",
                    ISSUED_AT, ACTIVE_UNITS::contains)).hasMessage("请至少选择一个约稿单位");
            assertThatThrownBy(() -> Commission.issue("C1", new NewCommission("  ", "r", List.of("U001"), deadline),
                    "room", ISSUED_AT, ACTIVE_UNITS::contains)).hasMessage("约稿标题不能为空");
            assertThatThrownBy(() -> Commission.issue("C1", new NewCommission("t", null, List.of("U001"), deadline),
                    "room", ISSUED_AT, ACTIVE_UNITS::contains)).hasMessage("约稿要求不能为空");
        }

        @Test
        void aDeadlineYearsAheadIsRefusedAsATypo() {
            assertThatThrownBy(() -> Commission.issue("C1", new NewCommission("t", "r", List.of("U001"),
                    LocalDateTime.parse("2062-07-31T23:59")), "room", ISSUED_AT, ACTIVE_UNITS::contains))
                    .isInstanceOf(CommissionRuleViolation.class)
                    .hasMessage("截止时间 2062年07月31日 23:59 距今超过两年，请核对");
        }

        @Test
        void deadlineAlreadyPassedIsRefused() {
            assertThatThrownBy(() -> Commission.issue("C1", new NewCommission("t", "r", List.of("U001"),
                    LocalDateTime.parse("2026-07-20T09:59")), "room", ISSUED_AT, ACTIVE_UNITS::contains))
                    .isInstanceOf(CommissionRuleViolation.class)
                    .hasMessageContaining("已过");
        }
    }

    @Nested
    class AnsweringAtTheDeadlineMinute {

        @Test
        void answerSubmittedAt235959BeijingOnTheDeadlineDayIsOnTime() {
            Commission c = issued("U001");

            List<CommissionDomainEvent> events = c.recordAnswer("I1", "U001", 1, beijing("2026-07-31T23:59:59"), false);

            assertThat(events).singleElement().isInstanceOfSatisfying(CommissionDomainEvent.Answered.class,
                    a -> assertThat(a.onTime()).isTrue());
            assertThat(c.outcomeOf("U001", beijing("2026-08-02T00:00")).answeredOnTime()).isTrue();
        }

        @Test
        void answerSubmittedAtMidnightAfterTheDeadlineIsLate() {
            Commission c = issued("U001");

            List<CommissionDomainEvent> events = c.recordAnswer("I1", "U001", 1, beijing("2026-08-01T00:00:00"), false);

            assertThat(events).singleElement().isInstanceOfSatisfying(CommissionDomainEvent.Answered.class,
                    a -> assertThat(a.onTime()).isFalse());
            assertThat(c.outcomeOf("U001", beijing("2026-08-02T00:00")).answeredLate()).isTrue();
        }

        @Test
        void onTimeIsJudgedInBeijingTimeNotUtc() {
            Commission c = issued("U001");
            // 2026-07-31T20:00Z is already 04:00 on August 1 in Beijing: late, although still July 31 in UTC
            c.recordAnswer("I1", "U001", 1, Instant.parse("2026-07-31T20:00:00Z"), false);

            assertThat(c.outcomeOf("U001", ISSUED_AT).answeredLate()).isTrue();
        }
    }

    @Nested
    class Answers {

        @Test
        void theSameRevisionDeliveredTwiceChangesNothing() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), false);

            assertThat(c.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), false)).isEmpty();
            assertThat(c.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), true)).isEmpty();
            assertThat(c.answer("I1")).get().extracting(Answer::received).isEqualTo(true);
        }

        @Test
        void aRevisedAnswerReplacesTheOldOneAndMustBeJudgedAgain() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), true);
            c.judge("I1", false, "数据不完整", "room", beijing("2026-07-26T10:00"));

            List<CommissionDomainEvent> events = c.recordAnswer("I1", "U001", 2, beijing("2026-08-01T09:00"), false);

            assertThat(events).singleElement().isEqualTo(new CommissionDomainEvent.Answered("C1", "U001", "I1", 2,
                    beijing("2026-08-01T09:00"), c.deadline(), false));
            assertThat(c.answer("I1")).get().satisfies(a -> {
                assertThat(a.pending()).isTrue();
                assertThat(a.revision()).isEqualTo(2);
            });
            assertThat(c.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), true)).isEmpty();
        }

        @Test
        void theRoomReceivingAnAnswerChangesTheCommissionWithoutPublishing() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), false);
            Commission stored = restored(c);

            List<CommissionDomainEvent> events = stored.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"),
                    true);

            assertThat(events).isEmpty();
            assertThat(stored.hasUnsavedChanges()).isTrue();
            assertThat(stored.answer("I1")).get().extracting(Answer::received).isEqualTo(true);
        }

        @Test
        void aRedeliveredAnswerLeavesNothingToSave() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), true);
            Commission stored = restored(c);

            stored.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), true);
            stored.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), false);

            assertThat(stored.hasUnsavedChanges()).isFalse();
        }

        @Test
        void aRevisedAnswerMustBeReceivedAgainBeforeItIsJudged() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-25T10:00"), true);
            c.judge("I1", true, null, "room", beijing("2026-07-26T10:00"));
            c.recordAnswer("I1", "U001", 2, beijing("2026-07-27T10:00"), false);

            assertThatThrownBy(() -> c.judge("I1", true, null, "room", beijing("2026-07-27T11:00")))
                    .isInstanceOf(CommissionRuleViolation.class)
                    .extracting(e -> ((CommissionRuleViolation) e).code())
                    .isEqualTo("commission.answer-not-received");
            assertThat(c.outcomeOf("U001", beijing("2026-07-27T11:00")).label()).isEqualTo("按时报送，待信息室接收");

            c.recordAnswer("I1", "U001", 2, beijing("2026-07-27T10:00"), true);
            assertThat(c.judge("I1", true, null, "room", beijing("2026-07-27T12:00"))).hasSize(1);
            assertThat(c.outcomeOf("U001", beijing("2026-07-27T12:00")).label()).isEqualTo("按时报送，已采纳");
        }

        @Test
        void anItemFromAUnitTheCommissionWasNotSentToIsRefused() {
            Commission c = issued("U001");

            assertThatThrownBy(() -> c.recordAnswer("I1", "U006", 1, beijing("2026-07-25T10:00"), false))
                    .isInstanceOf(CommissionRuleViolation.class)
                    .extracting(e -> ((CommissionRuleViolation) e).code()).isEqualTo("commission.not-a-target");
        }
    }

    @Nested
    class Judging {

        @Test
        void anAcceptedOnTimeAnswerIsJudgedOnTimeAndAccepted() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-31T23:59:59"), true);

            List<CommissionDomainEvent> events = c.judge("I1", true, null, "room", beijing("2026-08-03T09:00"));

            assertThat(events).singleElement().isEqualTo(new CommissionDomainEvent.AnswerJudged("C1", "U001", "I1",
                    beijing("2026-07-31T23:59:59"), c.deadline(), true, null, "room", beijing("2026-08-03T09:00")));
            assertThat(c.outcomeOf("U001", beijing("2026-08-03T09:00")).label()).isEqualTo("按时报送，已采纳");
        }

        @Test
        void anAcceptedLateAnswerIsShownAsLate() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-08-01T00:00:00"), true);

            c.judge("I1", true, "内容可用，但逾期", "room", beijing("2026-08-03T09:00"));

            UnitOutcome outcome = c.outcomeOf("U001", beijing("2026-08-03T09:00"));
            assertThat(outcome.accepted()).isTrue();
            assertThat(outcome.answeredLate()).isTrue();
            assertThat(outcome.label()).isEqualTo("逾期报送，已采纳");
        }

        @Test
        void rejectionNeedsAReason() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-30T10:00"), true);

            assertThatThrownBy(() -> c.judge("I1", false, " ", "room", beijing("2026-07-31T10:00")))
                    .isInstanceOf(CommissionRuleViolation.class).hasMessage("不采纳时必须填写理由");

            List<CommissionDomainEvent> events = c.judge("I1", false, "未按要求附典型案例", "room",
                    beijing("2026-07-31T10:00"));
            assertThat(events).singleElement().isInstanceOfSatisfying(CommissionDomainEvent.AnswerJudged.class,
                    j -> assertThat(j.reason()).isEqualTo("未按要求附典型案例"));
            UnitOutcome outcome = c.outcomeOf("U001", beijing("2026-07-31T10:00"));
            assertThat(outcome.rejected()).isTrue();
            assertThat(outcome.label()).isEqualTo("按时报送，未采纳：未按要求附典型案例");
        }

        @Test
        void judgingAnUnknownItemIsNotFound() {
            Commission c = issued("U001");

            assertThatThrownBy(() -> c.judge("I9", true, null, "room", ISSUED_AT))
                    .isInstanceOf(CommissionRuleViolation.class)
                    .extracting(e -> ((CommissionRuleViolation) e).kind())
                    .isEqualTo(CommissionRuleViolation.Kind.NOT_FOUND);
        }
    }

    @Nested
    class Voiding {

        @Test
        void aVoidedAnswerNoLongerCountsAndCannotBeJudged() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-30T10:00"), true);
            c.judge("I1", true, null, "room", beijing("2026-07-30T11:00"));

            List<CommissionDomainEvent> events = c.voidAnswer("I1", "内容失实", beijing("2026-07-30T12:00"));

            assertThat(events).singleElement().isEqualTo(new CommissionDomainEvent.AnswerVoided("C1", "U001", "I1",
                    "内容失实", beijing("2026-07-30T12:00")));
            assertThat(c.outcomeOf("U001", beijing("2026-07-30T12:00")).answered()).isFalse();
            assertThat(c.voidAnswer("I1", "内容失实", beijing("2026-07-30T12:00"))).isEmpty();
            assertThat(c.recordAnswer("I1", "U001", 2, beijing("2026-07-30T13:00"), false)).isEmpty();
            assertThatThrownBy(() -> c.judge("I1", true, null, "room", beijing("2026-07-30T14:00")))
                    .isInstanceOf(CommissionRuleViolation.class).hasMessageContaining("已作废");
        }

        @Test
        void voidingAnItemThatIsNoAnswerChangesNothing() {
            assertThat(issued("U001").voidAnswer("I7", "x", ISSUED_AT)).isEmpty();
        }
    }

    @Nested
    class Outcomes {

        @Test
        void anOnTimeAcceptedAnswerServesTheUnitBestAmongSeveral() {
            Commission c = issued("U001");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-30T10:00"), true);
            c.recordAnswer("I2", "U001", 1, beijing("2026-08-02T10:00"), true);
            c.recordAnswer("I3", "U001", 1, beijing("2026-07-31T10:00"), true);
            c.judge("I1", true, null, "room", beijing("2026-08-03T09:00"));
            c.judge("I2", true, null, "room", beijing("2026-08-03T09:00"));
            c.judge("I3", false, "重复", "room", beijing("2026-08-03T09:00"));

            assertThat(c.outcomeOf("U001", beijing("2026-08-03T09:00")).counted().itemId()).isEqualTo("I1");
        }

        @Test
        void aUnitSeesItsCommissionOpenUntilItAnswersOrTheDeadlinePasses() {
            Commission c = issued("U001", "U006");
            c.recordAnswer("I1", "U001", 1, beijing("2026-07-30T10:00"), false);

            assertThat(c.isOpenFor("U001", beijing("2026-07-30T11:00"))).isFalse();
            assertThat(c.isOpenFor("U006", beijing("2026-07-31T23:59:59"))).isTrue();
            assertThat(c.isOpenFor("U006", beijing("2026-08-01T00:00:00"))).isFalse();
            assertThat(c.isOpenFor("U037", beijing("2026-07-30T11:00"))).isFalse();
            assertThat(c.outcomeOf("U006", beijing("2026-08-01T00:00:00")).label()).isEqualTo("逾期未报");
        }
    }

    /** The commission as storage would give it back: nothing left to save. */
    private static Commission restored(Commission c) {
        return Commission.restore(c.id(), c.title(), c.requirements(), c.targetUnitIds(), c.deadline(), c.issuedBy(),
                c.issuedAt(), c.answers(), c.reminders(), c.remindersDone(), c.version());
    }
}
