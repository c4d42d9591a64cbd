package cn.gov.eqq.govinfo.contracts.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingPeriodTest {

    @Test
    void readsTheThreeKindsOfPeriodInTheirWireForm() {
        assertThat(ReportingPeriod.parse("2026-07")).isEqualTo(ReportingPeriod.month(2026, 7));
        assertThat(ReportingPeriod.parse(" 2026-Q3 ")).isEqualTo(ReportingPeriod.quarter(2026, 3));
        assertThat(ReportingPeriod.parse("2026")).isEqualTo(ReportingPeriod.year(2026));
        assertThat(Stream.of("2026-07", "2026-Q3", "2026").map(ReportingPeriod::parse).map(ReportingPeriod::code))
                .containsExactly("2026-07", "2026-Q3", "2026");
    }

    @Test
    void rejectsWhatIsNotAPeriodWithAChineseMessage() {
        for (String text : new String[] {"2026-13", "2026-00", "2026-Q5", "July", "", null}) {
            assertThatThrownBy(() -> ReportingPeriod.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("期间格式应为");
            assertThat(ReportingPeriod.tryParse(text)).as(text).isEmpty();
        }
    }

    @Test
    void anInstantShortlyAfterBeijingMidnightBelongsToTheNewMonthThoughUtcIsStillInTheOldOne() {
        Instant halfPastMidnightAugustFirstBeijing = Instant.parse("2026-07-31T16:30:00Z");
        assertThat(ReportingPeriod.month(2026, 8).contains(halfPastMidnightAugustFirstBeijing)).isTrue();
        assertThat(ReportingPeriod.month(2026, 7).contains(halfPastMidnightAugustFirstBeijing)).isFalse();
        assertThat(ReportingPeriod.monthOf(halfPastMidnightAugustFirstBeijing).code()).isEqualTo("2026-08");
    }

    @Test
    void aPeriodRunsFromBeijingMidnightOfItsFirstDayToBeijingMidnightAfterItsLast() {
        ReportingPeriod q1 = ReportingPeriod.quarter(2026, 1);
        assertThat(q1.startInstant()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(q1.endInstant()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(q1.endExclusive()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(q1.contains(q1.endInstant())).isFalse();
        assertThat(q1.contains(q1.endInstant().minusNanos(1))).isTrue();
    }

    @Test
    void aQuarterHasItsThreeMonthsAndBothItsNames() {
        ReportingPeriod q3 = ReportingPeriod.quarter(2026, 3);
        assertThat(q3.months()).extracting(ReportingPeriod::code).containsExactly("2026-07", "2026-08", "2026-09");
        assertThat(q3.contains(LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(q3.contains(ReportingPeriod.month(2026, 8))).isTrue();
        assertThat(q3.label()).isEqualTo("2026年第3季度");
        assertThat(q3.chineseName()).isEqualTo("2026年第三季度");
        assertThat(ReportingPeriod.year(2026).chineseName()).isEqualTo("2026年度");
        assertThat(ReportingPeriod.year(2026).months()).hasSize(12);
    }

    @Test
    void aMonthCountsInItselfItsQuarterAndItsYearAndIsFollowedByTheNextAcrossTheYearEnd() {
        assertThat(ReportingPeriod.month(2026, 5).withEnclosing()).containsExactly(ReportingPeriod.month(2026, 5),
                ReportingPeriod.quarter(2026, 2), ReportingPeriod.year(2026));
        assertThat(ReportingPeriod.month(2026, 12).next()).isEqualTo(ReportingPeriod.month(2027, 1));
        assertThatThrownBy(() -> ReportingPeriod.year(2026).next()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void periodsSortByFirstDayWithTheLongerFirst() {
        List<ReportingPeriod> sorted = Stream.of(ReportingPeriod.month(2026, 1), ReportingPeriod.quarter(2026, 1),
                ReportingPeriod.year(2026), ReportingPeriod.month(2025, 12)).sorted().toList();
        assertThat(sorted).extracting(ReportingPeriod::code).containsExactly("2025-12", "2026", "2026-Q1", "2026-01");
    }

    @Test
    void beijingTimeReadsAndWritesTheWallClockOfTheNotice() {
        Instant instant = Instant.parse("2026-07-31T15:30:00Z");
        assertThat(BeijingTime.dateOf(instant)).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(BeijingTime.of(instant)).isEqualTo(LocalDateTime.of(2026, 7, 31, 23, 30));
        assertThat(BeijingTime.toInstant(LocalDateTime.of(2026, 7, 31, 23, 30))).isEqualTo(instant);
        assertThat(BeijingTime.display(instant)).isEqualTo("2026年07月31日 23:30");
    }
}
