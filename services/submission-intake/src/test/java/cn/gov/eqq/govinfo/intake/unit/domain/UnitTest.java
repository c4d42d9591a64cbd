package cn.gov.eqq.govinfo.intake.unit.domain;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitTest {

    private static final YearMonth JULY = YearMonth.of(2026, 7);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private final Unit supply = Unit.memberSinceFirstMonth("U039", "供销社", 3);

    @Test
    void seededUnitIsAMemberOfItsGroupSinceTheFirstPolicyMonth() {
        assertThat(supply.memberships()).containsExactly(new Membership(3, YearMonth.of(2022, 7), null));
        assertThat(supply.group()).isEqualTo(3);
        assertThat(supply.active()).isTrue();
    }

    @Test
    void unitJoinsItsGroupFromAMonth() {
        Unit joined = Unit.joining("U060", "数据局", 2, OCTOBER);

        assertThat(joined.memberships()).containsExactly(new Membership(2, OCTOBER, null));
    }

    @Test
    void renameKeepsIdentityAndHistory() {
        Unit moved = supply.movedTo(2, JULY);

        Unit renamed = moved.renamed("供销合作社");

        assertThat(renamed.id()).isEqualTo("U039");
        assertThat(renamed.name()).isEqualTo("供销合作社");
        assertThat(renamed.memberships()).isEqualTo(moved.memberships());
    }

    @Test
    void moveEndsTheCurrentSpanWithTheMonthBeforeAndOpensOneInTheNewGroup() {
        Unit moved = supply.movedTo(2, JULY);

        assertThat(moved.memberships()).containsExactly(new Membership(3, YearMonth.of(2022, 7), JULY),
                new Membership(2, JULY, null));
        assertThat(moved.group()).isEqualTo(2);
        assertThat(moved.active()).isTrue();
    }

    @Test
    void moveToTheSameGroupChangesNothing() {
        assertThat(supply.movedTo(3, JULY)).isSameAs(supply);
    }

    @Test
    void moveNotAfterJoiningTheCurrentGroupIsRefused() {
        Unit joined = Unit.joining("U060", "数据局", 2, OCTOBER);

        assertThatThrownBy(() -> joined.movedTo(3, YearMonth.of(2026, 9)))
                .isInstanceOf(Unit.MembershipRefused.class)
                .hasMessage("调整分组的月份应晚于加入第二组的月份（2026年10月），收到 2026年9月");
        assertThatThrownBy(() -> joined.movedTo(3, OCTOBER)).isInstanceOf(Unit.MembershipRefused.class);
    }

    @Test
    void leavingEndsTheLastSpanFromItsMonth() {
        Unit left = supply.leaving(OCTOBER);

        assertThat(left.memberships()).containsExactly(new Membership(3, YearMonth.of(2022, 7), OCTOBER));
        assertThat(left.active()).isFalse();
        assertThat(left.group()).as("the last group stays known").isEqualTo(3);
    }

    @Test
    void leavingNotAfterJoiningOrTwiceIsRefused() {
        Unit joined = Unit.joining("U060", "数据局", 2, OCTOBER);

        assertThatThrownBy(() -> joined.leaving(OCTOBER)).isInstanceOf(Unit.MembershipRefused.class)
                .hasMessage("退出的月份应晚于加入第二组的月份（2026年10月），收到 2026年10月");
        assertThatThrownBy(() -> supply.leaving(JULY).leaving(OCTOBER)).isInstanceOf(Unit.MembershipRefused.class)
                .hasMessage("单位已于 2026年7月 退出");
    }

    @Test
    void unitThatLeftMayJoinAgainButNotInsideTheHistory() {
        Unit left = supply.leaving(JULY);

        assertThat(left.movedTo(2, OCTOBER).memberships()).containsExactly(
                new Membership(3, YearMonth.of(2022, 7), JULY), new Membership(2, OCTOBER, null));
        assertThatThrownBy(() -> left.movedTo(2, YearMonth.of(2026, 6))).isInstanceOf(Unit.MembershipRefused.class)
                .hasMessage("重新加入的月份不能早于退出的月份（2026年7月），否则与已有的成员期间重叠");
    }

    @Test
    void noChangeTakesEffectBeforeThePolicyBegan() {
        assertThatThrownBy(() -> Unit.joining("U060", "数据局", 2, YearMonth.of(2022, 6)))
                .isInstanceOf(Unit.MembershipRefused.class).hasMessageStartingWith("生效月份不能早于 2022年7月");
    }

    @Test
    void overlappingSpansAreNoUnit() {
        assertThatThrownBy(() -> new Unit("U060", "数据局", List.of(new Membership(2, YearMonth.of(2023, 1), null),
                new Membership(3, YearMonth.of(2024, 1), null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Unit("U060", "数据局", List.of(
                new Membership(2, YearMonth.of(2023, 1), YearMonth.of(2024, 3)),
                new Membership(3, YearMonth.of(2024, 1), null)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitNeedsWellFormedIdNameAndGroup() {
        assertThat(Unit.check("U053", "新单位", 3)).isEmpty();
        assertThat(Unit.check("53", " ", 0)).extracting(Unit.UnitViolation::field)
                .containsExactly("unitId", "name", "group");
    }
}
