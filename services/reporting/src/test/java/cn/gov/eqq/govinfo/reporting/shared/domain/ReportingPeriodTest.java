package cn.gov.eqq.govinfo.reporting.shared.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingPeriodTest {

    @Test
    void readsTheThreeKindsOfPeriodThatScoringNames() {
        assertThat(ReportingPeriod.parse("2026-07")).isEqualTo(ReportingPeriod.month(2026, 7));
        assertThat(ReportingPeriod.parse("2026-Q3")).isEqualTo(ReportingPeriod.quarter(2026, 3));
        assertThat(ReportingPeriod.parse("2026")).isEqualTo(ReportingPeriod.year(2026));
        assertThat(ReportingPeriod.parse("2026-Q3").code()).isEqualTo("2026-Q3");
        assertThat(ReportingPeriod.parse("2026-07").code()).isEqualTo("2026-07");
    }

    @Test
    void rejectsWhatIsNotAPeriod() {
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-Q5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportingPeriod.parse("July")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInstantShortlyAfterBeijingMidnightBelongsToTheNewMonthThoughUtcIsStillInTheOldOne() {
        Instant halfPastMidnightAugustFirstBeijing = Instant.parse("2026-07-31T16:30:00Z");
        assertThat(ReportingPeriod.month(2026, 8).contains(halfPastMidnightAugustFirstBeijing)).isTrue();
        assertThat(ReportingPeriod.month(2026, 7).contains(halfPastMidnightAugustFirstBeijing)).isFalse();
        assertThat(ReportingPeriod.monthOf(halfPastMidnightAugustFirstBeijing).code()).isEqualTo("2026-08");
    }

    @Test
    void aQuarterHasItsThreeMonthsAndItsChineseName() {
        ReportingPeriod q3 = ReportingPeriod.quarter(2026, 3);
        assertThat(q3.months()).extracting(ReportingPeriod::code).containsExactly("2026-07", "2026-08", "2026-09");
        assertThat(q3.contains(LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(q3.chineseName()).isEqualTo("2026年第三季度");
        assertThat(ReportingPeriod.year(2026).chineseName()).isEqualTo("2026年度");
        assertThat(ReportingPeriod.year(2026).months()).hasSize(12);
    }
}
