package cn.gov.eqq.govinfo.reporting.facts.domain;

import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact.Answer;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact.Responsiveness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionFactTest {

    static final Instant DEADLINE = Instant.parse("2026-08-15T10:00:00Z");
    static final Instant BEFORE = DEADLINE.minusSeconds(3600);
    static final Instant AFTER = DEADLINE.plusSeconds(3600);
    static final Instant LONG_AFTER = DEADLINE.plusSeconds(86_400 * 10);

    private final CommissionFact issued = CommissionFact.unknown("C1").issued("约稿", List.of("U006"), DEADLINE);

    @Test
    void nothingSentByTheDeadlineIsMissedOnceItPasses() {
        assertThat(issued.responsivenessOf("U006", BEFORE)).isEqualTo(Responsiveness.PENDING);
        assertThat(issued.responsivenessOf("U006", AFTER)).isEqualTo(Responsiveness.MISSED);
    }

    @Test
    void anAnswerInTimeAwaitingJudgementIsNotCountedAsMissed() {
        CommissionFact answered = issued.judged(new Answer("U006", "I1", BEFORE, null), DEADLINE);
        assertThat(answered.responsivenessOf("U006", LONG_AFTER)).isEqualTo(Responsiveness.PENDING);
    }

    @Test
    void anAcceptedAnswerInTimeIsAnsweredAndARejectedOneIsNot() {
        assertThat(issued.judged(new Answer("U006", "I1", BEFORE, true), DEADLINE)
                .responsivenessOf("U006", LONG_AFTER)).isEqualTo(Responsiveness.ANSWERED);
        assertThat(issued.judged(new Answer("U006", "I1", BEFORE, false), DEADLINE)
                .responsivenessOf("U006", LONG_AFTER)).isEqualTo(Responsiveness.REJECTED);
    }

    @Test
    void aLaterJudgementOfTheSameAnswerReplacesTheEarlierOne() {
        CommissionFact f = issued.judged(new Answer("U006", "I1", BEFORE, false), DEADLINE)
                .judged(new Answer("U006", "I1", BEFORE, true), DEADLINE);
        assertThat(f.answers()).hasSize(1);
        assertThat(f.responsivenessOf("U006", LONG_AFTER)).isEqualTo(Responsiveness.ANSWERED);
    }

    @Test
    void anAnswerAfterTheDeadlineIsLateEvenWhenAccepted() {
        assertThat(issued.judged(new Answer("U006", "I1", AFTER, true), DEADLINE)
                .responsivenessOf("U006", LONG_AFTER)).isEqualTo(Responsiveness.LATE);
    }

    @Test
    void aVoidedAnswerNoLongerCounts() {
        CommissionFact f = issued.judged(new Answer("U006", "I1", BEFORE, true), DEADLINE).answerVoided("U006", "I1");
        assertThat(f.responsivenessOf("U006", LONG_AFTER)).isEqualTo(Responsiveness.MISSED);
    }
}
