package cn.gov.eqq.govinfo.intake.shared.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ActorTest {

    @Test
    void theRoomViewersAndAdministratorsSeeAllUnits() {
        assertThat(new Actor("room", "信息室", null, Set.of(Role.INFO_ROOM)).seesAllUnits()).isTrue();
        assertThat(new Actor("leader", "旗领导", null, Set.of(Role.VIEWER)).seesAllUnits()).isTrue();
        assertThat(new Actor("admin", "管理员", null, Set.of(Role.ADMIN)).seesAllUnits()).isTrue();
        assertThat(new Actor("r", "报送人", "U001", Set.of(Role.REPORTER, Role.UNIT_LEADER)).seesAllUnits()).isFalse();
        assertThat(new Actor("d", "大屏", null, Set.of(Role.DASHBOARD)).seesAllUnits()).isFalse();
    }

    @Test
    void onlyAReporterOrLeaderWithAUnitWorksForAUnit() {
        assertThat(new Actor("r", "报送人", "U001", Set.of(Role.REPORTER)).worksForAUnit()).isTrue();
        assertThat(new Actor("l", "单位领导", "U001", Set.of(Role.UNIT_LEADER)).worksForAUnit()).isTrue();
        assertThat(new Actor("r", "报送人", null, Set.of(Role.REPORTER)).worksForAUnit()).isFalse();
        assertThat(new Actor("v", "旗领导", "U001", Set.of(Role.VIEWER)).worksForAUnit()).isFalse();
    }

    @Test
    void aNamelessActorIsShownByItsUserId() {
        assertThat(new Actor("u-1", " ", "U001", null).displayName()).isEqualTo("u-1");
    }
}
