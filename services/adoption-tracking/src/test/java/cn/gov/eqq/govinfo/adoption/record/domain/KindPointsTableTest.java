package cn.gov.eqq.govinfo.adoption.record.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KindPointsTableTest {

    @Test
    void recordIsReadByTheVersionInForceOnItsDate() {
        List<String> lines = new ArrayList<>();
        for (AdoptionKind k : AdoptionKind.values()) {
            lines.add("2022-07-06," + k.name() + ",20");
            lines.add("2027-01-01," + k.name() + ",25");
        }
        KindPointsTable table = KindPointsTable.parse(lines);

        assertThat(table.pointsOf(AdoptionKind.CITY_BULLETIN_ADOPTED, LocalDate.of(2026, 12, 31))).isEqualTo(20);
        assertThat(table.pointsOf(AdoptionKind.CITY_BULLETIN_ADOPTED, LocalDate.of(2027, 1, 1))).isEqualTo(25);
    }

    @Test
    void recordDatedBeforeTheNoticeEarnsNothing() {
        KindPointsTable table = Fixtures.shippedTable();

        assertThat(table.pointsOf(AdoptionKind.STATE_COUNCIL_ADOPTED, LocalDate.of(2022, 7, 5))).isZero();
        assertThat(table.pointsOf(AdoptionKind.STATE_COUNCIL_ADOPTED, LocalDate.of(2022, 7, 6))).isEqualTo(100);
    }

    @Test
    void versionLackingAKindIsRefused() {
        assertThatThrownBy(() -> KindPointsTable.parse(List.of("2022-07-06,CITY_BULLETIN_ADOPTED,20")))
                .hasMessageContaining("lacks points");
    }
}
