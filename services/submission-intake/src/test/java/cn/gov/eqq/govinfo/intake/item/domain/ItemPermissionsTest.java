package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemPermissionsTest {

    private static void assertKind(Runnable action, ItemRuleException.Kind kind) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ItemRuleException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void reporterOfAnotherUnitDoesNotEvenSeeTheItem() {
        assertThat(ItemPermissions.canSee(REPORTER_B, "U006")).isFalse();
        assertKind(() -> ItemPermissions.requireVisible(REPORTER_B, "U006"), ItemRuleException.Kind.NOT_FOUND);
    }

    @Test
    void reporterOfAnotherUnitCannotChangeOrSubmitTheItem() {
        Item draft = draftOfA();
        assertKind(() -> draft.revise(REPORTER_B, dynamicNews(), T0), ItemRuleException.Kind.NOT_FOUND);
        assertKind(() -> draft.submit(REPORTER_B, T0), ItemRuleException.Kind.NOT_FOUND);
    }

    @Test
    void draftAlwaysBelongsToTheReportersOwnUnit() {
        Item item = Item.draft("x", REPORTER_B, dynamicNews(), T0);
        assertThat(item.unitId()).isEqualTo("U007");
    }

    @Test
    void accountWithoutUnitCannotDraft() {
        Actor noUnit = new Actor("rep-x", "无单位", null, Set.of(Role.REPORTER));
        assertKind(() -> Item.draft("x", noUnit, dynamicNews(), T0), ItemRuleException.Kind.FORBIDDEN);
    }

    @Test
    void leaderOfAnotherUnitCannotSignOff() {
        Item asked = Item.draft("item-2", REPORTER_A, majorEvent(), T0).submit(REPORTER_A, T0).item();
        assertKind(() -> asked.signOff(LEADER_B, T0), ItemRuleException.Kind.NOT_FOUND);
        assertKind(() -> asked.sendBack(LEADER_B, "不同意", T0), ItemRuleException.Kind.NOT_FOUND);
    }

    @Test
    void reporterCannotSignOffTheirOwnMajorEvent() {
        Item asked = Item.draft("item-2", REPORTER_A, majorEvent(), T0).submit(REPORTER_A, T0).item();
        assertKind(() -> asked.signOff(REPORTER_A, T0), ItemRuleException.Kind.FORBIDDEN);
    }

    @Test
    void onlyTheRoomReceivesReturnsVoidsAndForwards() {
        Item submitted = submittedOfA();
        assertKind(() -> submitted.receive(REPORTER_A, T0), ItemRuleException.Kind.FORBIDDEN);
        assertKind(() -> submitted.receive(LEADER_A, T0), ItemRuleException.Kind.FORBIDDEN);
        assertKind(() -> submitted.returnForRevision(VIEWER, "x", T0), ItemRuleException.Kind.FORBIDDEN);
        assertKind(() -> submitted.voidItem(REPORTER_B, "x", T0), ItemRuleException.Kind.NOT_FOUND);
        assertKind(() -> receivedOfA().forwardToCity(REPORTER_A, T0), ItemRuleException.Kind.FORBIDDEN);
    }

    @Test
    void roomSeesEveryUnitButCannotWriteForOne() {
        assertThat(ItemPermissions.canSee(ROOM, "U006")).isTrue();
        assertThat(ItemPermissions.canSee(VIEWER, "U052")).isTrue();
        assertKind(() -> draftOfA().revise(ROOM, dynamicNews(), T0), ItemRuleException.Kind.FORBIDDEN);
    }

    @Test
    void leaderSeesOwnUnitOnly() {
        assertThat(ItemPermissions.canSee(LEADER_A, "U006")).isTrue();
        assertThat(ItemPermissions.canSee(LEADER_A, "U007")).isFalse();
    }
}
