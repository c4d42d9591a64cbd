package cn.gov.eqq.govinfo.commission.tasking.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.ACTIVE_UNITS;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.ISSUED_AT;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.beijing;
import static cn.gov.eqq.govinfo.commission.tasking.domain.CommissionFixtures.issued;
import static org.assertj.core.api.Assertions.assertThat;

class CommissionStatisticsTest {

    @Test
    void eachUnitCountsCommissionsReceivedOnTimeLateRejectedAndMissed() {
        Commission first = issued("U001", "U006", "U037");
        first.recordAnswer("A", "U001", 1, beijing("2026-07-31T23:59:59"), true);
        first.recordAnswer("B", "U006", 1, beijing("2026-08-01T00:00:00"), true);
        first.judge("A", true, null, "room", beijing("2026-08-02T10:00"));
        first.judge("B", true, null, "room", beijing("2026-08-02T10:00"));
        Commission second = Commission.issue("C2", new NewCommission("民生改善", "要求", List.of("U001", "U006"),
                LocalDateTime.parse("2026-08-20T18:00")), "room", ISSUED_AT, ACTIVE_UNITS::contains).commission();
        second.recordAnswer("C", "U001", 1, beijing("2026-08-10T10:00"), true);
        second.judge("C", false, "偏离主题", "room", beijing("2026-08-11T10:00"));
        second.recordAnswer("D", "U006", 1, beijing("2026-08-12T10:00"), false);

        List<UnitTally> tallies = CommissionStatistics.tally(List.of(first, second), beijing("2026-08-15T00:00"));

        assertThat(tallies).containsExactly(
                new UnitTally("U001", 2, 2, 0, 1, 1, 0, 0, 1),
                new UnitTally("U006", 2, 1, 1, 1, 0, 1, 0, 0),
                new UnitTally("U037", 1, 0, 0, 0, 0, 0, 1, 0));
    }
}
