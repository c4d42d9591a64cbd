package cn.gov.eqq.govinfo.intake.filing.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FilingDeadlineTest {

    private static final Instant LAST_MINUTE = Instant.parse("2026-07-31T15:59:00Z");   // 31 July 23:59 Beijing
    private static final Instant AUGUST_FIRST = Instant.parse("2026-07-31T16:00:00Z");  // 1 August 00:00 Beijing

    @Test
    void filingOnTheLastEveningOfJulyBeijingTimeIsOnTime() {
        assertThat(FilingDeadline.status(2026, LAST_MINUTE, AUGUST_FIRST)).isEqualTo(FilingDeadline.Status.FILED);
    }

    @Test
    void filingFromAugustFirstBeijingTimeIsLate() {
        assertThat(FilingDeadline.status(2026, AUGUST_FIRST, AUGUST_FIRST)).isEqualTo(FilingDeadline.Status.FILED_LATE);
    }

    @Test
    void unitThatHasNotFiledIsOverdueOnlyAfterTheDeadline() {
        assertThat(FilingDeadline.status(2026, null, LAST_MINUTE)).isEqualTo(FilingDeadline.Status.NOT_YET_DUE);
        assertThat(FilingDeadline.status(2026, null, AUGUST_FIRST)).isEqualTo(FilingDeadline.Status.OVERDUE);
    }
}
