package cn.gov.eqq.govinfo.intake.unit.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTest {

    @Test
    void administratorRenamesMovesAndDeactivatesAUnit() {
        Unit unit = new Unit("U039", "供销社", 3, true);

        assertThat(unit.change("供销合作社", null, null)).isEqualTo(new Unit("U039", "供销合作社", 3, true));
        assertThat(unit.change(null, 2, null)).isEqualTo(new Unit("U039", "供销社", 2, true));
        assertThat(unit.change(null, null, false)).isEqualTo(new Unit("U039", "供销社", 3, false));
    }

    @Test
    void unitNeedsWellFormedIdNameAndGroup() {
        assertThat(Unit.check("U053", "新单位", 3)).isEmpty();
        assertThat(Unit.check("53", " ", 0)).extracting(Unit.UnitViolation::field)
                .containsExactly("unitId", "name", "group");
    }
}
