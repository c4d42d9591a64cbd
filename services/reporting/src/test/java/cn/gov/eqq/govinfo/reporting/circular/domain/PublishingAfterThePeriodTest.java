package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A circular of a period is published only once the period is over in Beijing time. */
class PublishingAfterThePeriodTest {

    /** 23:59:59 on 31 December 2026 in Beijing, and 00:00 on 1 January 2027 there. */
    private static final Instant LAST_SECOND_OF_2026 = Instant.parse("2026-12-31T15:59:59Z");
    private static final Instant FIRST_MOMENT_OF_2027 = Instant.parse("2026-12-31T16:00:00Z");
    private static final Instant DRAFTED = Instant.parse("2026-12-20T02:00:00Z");
    private static final Instant REVIEW_CLOSES = Instant.parse("2026-12-31T10:00:00Z");

    private static Circular inReview(CircularKind kind, ReportingPeriod period) {
        return Circular.draft("c", kind, period, CircularFixtures.figures(), CircularFixtures.LETTERHEAD, "room",
                        DRAFTED)
                .openReview(REVIEW_CLOSES, DRAFTED);
    }

    @Test
    void theFourthQuartersCircularIsRefusedOnTheQuartersLastDayAt2359BeijingTime() {
        Circular c = inReview(CircularKind.QUARTERLY, ReportingPeriod.quarter(2026, 4));

        assertThat(c.periodEnded(LAST_SECOND_OF_2026)).isFalse();
        assertThatThrownBy(() -> c.publish("n", "room", LAST_SECOND_OF_2026))
                .isInstanceOfSatisfying(CircularRuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("circular.period-not-ended"))
                .hasMessage("2026年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布");
    }

    @Test
    void theFourthQuartersCircularIsPublishedFromMidnightOfTheNextDayBeijingTime() {
        Circular c = inReview(CircularKind.QUARTERLY, ReportingPeriod.quarter(2026, 4));

        assertThat(c.periodEnded(FIRST_MOMENT_OF_2027)).isTrue();
        Circular published = c.publish("鄂前政办信〔2027〕1号", "room", FIRST_MOMENT_OF_2027);
        assertThat(published.status()).isEqualTo(CircularStatus.PUBLISHED);
    }

    @Test
    void theAnnualEvaluationWaitsForTheYearToEnd() {
        Circular c = inReview(CircularKind.ANNUAL, ReportingPeriod.year(2026));

        assertThatThrownBy(() -> c.publish("n", "room", LAST_SECOND_OF_2026))
                .hasMessage("2026年度尚未结束（12月31日结束），不能发布本年度考评；1月1日起可以发布");
        assertThat(c.publish("鄂前政办信〔2027〕1号", "room", FIRST_MOMENT_OF_2027).status())
                .isEqualTo(CircularStatus.PUBLISHED);
    }

    @Test
    void aQuarterEndingMidYearNamesItsOwnLastDay() {
        Circular c = Circular.draft("c", CircularKind.QUARTERLY, ReportingPeriod.quarter(2026, 2),
                CircularFixtures.figures(), CircularFixtures.LETTERHEAD, "room", Instant.parse("2026-06-20T02:00:00Z"))
                .openReview(Instant.parse("2026-06-25T02:00:00Z"), Instant.parse("2026-06-20T02:00:00Z"));

        assertThatThrownBy(() -> c.publish("n", "room", Instant.parse("2026-06-30T15:59:59Z")))
                .hasMessageStartingWith("2026年第二季度尚未结束（6月30日结束）")
                .hasMessageEndingWith("7月1日起可以发布");
    }

    @Test
    void draftingAndReviewStayOpenBeforeThePeriodEndsAsThePreviewOfTheFiguresSoFar() {
        Circular c = inReview(CircularKind.QUARTERLY, ReportingPeriod.quarter(2026, 4));

        assertThat(c.status()).isEqualTo(CircularStatus.IN_REVIEW);
        assertThat(c.reviewOpen(DRAFTED)).isTrue();
    }

    @Test
    void theUnendedPeriodIsNamedBeforeAnOpenReviewWindow() {
        Circular c = Circular.draft("c", CircularKind.QUARTERLY, ReportingPeriod.quarter(2026, 4),
                        CircularFixtures.figures(), CircularFixtures.LETTERHEAD, "room", DRAFTED)
                .openReview(Instant.parse("2027-01-05T00:00:00Z"), DRAFTED);

        assertThatThrownBy(() -> c.publish("n", "room", LAST_SECOND_OF_2026))
                .isInstanceOfSatisfying(CircularRuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("circular.period-not-ended"));
    }
}
