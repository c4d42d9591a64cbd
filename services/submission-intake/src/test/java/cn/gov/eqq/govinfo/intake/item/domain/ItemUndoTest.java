package cn.gov.eqq.govinfo.intake.item.domain;

import org.junit.jupiter.api.Test;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Undo where the rules allow it: withdrawing what nobody has acted on, deleting a draft never sent; and the leader's word. */
class ItemUndoTest {

    @Test
    void aSubmissionTheRoomHasNotActedOnIsWithdrawnToADraftKeepingTheRevisionAsWithdrawn() {
        Item.Transition t = submittedOfA().withdraw(REPORTER_A, T0.plusSeconds(90));

        assertThat(t.item().status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(t.item().withdrawnAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(t.item().withdrawnBy()).isEqualTo("rep-a");
        assertThat(t.item().revisions()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Revision.Outcome.WITHDRAWN);
            assertThat(r.outcome().label()).isEqualTo("已撤回");
            assertThat(r.decidedBy()).isEqualTo("rep-a");
        });
        assertThat(t.item().receivedRevision()).isEmpty();
        assertThat(t.changes()).containsExactly(new ItemChange.Withdrawn("item-1", "U006", 1, T0.plusSeconds(90), "rep-a"));
    }

    @Test
    void theNextSubmissionAfterAWithdrawalIsTheNextRevision() {
        Item withdrawn = submittedOfA().withdraw(REPORTER_A, T0.plusSeconds(90)).item();
        Item revised = withdrawn.revise(REPORTER_A, retitled(withdrawn.draft(), "改过的标题"), T0.plusSeconds(100));

        Item.Transition again = revised.submit(REPORTER_A, T0.plusSeconds(120));

        assertThat(again.changes()).containsExactly(
                new ItemChange.Submitted("item-1", "U006", 2, T0.plusSeconds(120), "rep-a"));
        assertThat(again.item().revisions()).extracting(Revision::outcome)
                .containsExactly(Revision.Outcome.WITHDRAWN, Revision.Outcome.PENDING);
    }

    @Test
    void aMajorEventNotYetSignedIsWithdrawnWithoutARevision() {
        Item asked = Item.draft("item-2", REPORTER_A, majorEvent(), T0).submit(REPORTER_A, T0).item();

        Item.Transition t = asked.withdraw(REPORTER_A, T0.plusSeconds(5));

        assertThat(t.item().status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(t.item().revisions()).isEmpty();
        assertThat(t.item().signOffRequestedBy()).isNull();
        assertThat(t.changes()).containsExactly(new ItemChange.Withdrawn("item-2", "U006", null, T0.plusSeconds(5), "rep-a"));
    }

    @Test
    void whatTheRoomReceivedReturnedOrVoidedCannotBeWithdrawn() {
        assertRefused(() -> receivedOfA().withdraw(REPORTER_A, T0), "item.not-withdrawable", "信息室已接收该信息，不能撤回");
        assertRefused(() -> submittedOfA().returnForRevision(ROOM, "请补充", T0).item().withdraw(REPORTER_A, T0),
                "item.not-withdrawable", "信息室已退回该信息");
        assertRefused(() -> submittedOfA().voidItem(ROOM, "重复", T0).item().withdraw(REPORTER_A, T0),
                "item.not-withdrawable", "已被信息室作废");
        assertRefused(() -> draftOfA().withdraw(REPORTER_A, T0), "item.not-withdrawable", "尚未报送");
    }

    @Test
    void onlyAReporterOfTheUnitWithdraws() {
        assertThatThrownBy(() -> submittedOfA().withdraw(LEADER_A, T0))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> assertThat(e.code()).isEqualTo("item.reporter-only"));
        assertThatThrownBy(() -> submittedOfA().withdraw(REPORTER_B, T0))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> submittedOfA().withdraw(ROOM, T0))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> assertThat(e.code()).isEqualTo("item.not-own-unit"));
    }

    @Test
    void aDraftNeverSentIsDeletedAndThenIsNoLongerEditable() {
        Item.Transition t = draftOfA().delete(REPORTER_A, T0.plusSeconds(30));

        assertThat(t.item().status()).isEqualTo(ItemStatus.DELETED);
        assertThat(t.changes()).containsExactly(new ItemChange.Deleted("item-1", "U006", T0.plusSeconds(30), "rep-a"));
        assertThatThrownBy(() -> t.item().revise(REPORTER_A, dynamicNews(), T0.plusSeconds(40)))
                .isInstanceOf(ItemRuleException.class);
    }

    @Test
    void anythingEverSentIsAnOfficialRecordAndIsNotDeleted() {
        Item withdrawn = submittedOfA().withdraw(REPORTER_A, T0.plusSeconds(90)).item();
        Item asked = Item.draft("item-2", REPORTER_A, majorEvent(), T0).submit(REPORTER_A, T0).item();
        Item sentBack = asked.sendBack(LEADER_A, "请核实数据", T0.plusSeconds(5)).item();
        Item withdrawnBeforeSignOff = asked.withdraw(REPORTER_A, T0.plusSeconds(5)).item();

        for (Item sent : new Item[] {withdrawn, sentBack, withdrawnBeforeSignOff}) {
            assertThat(sent.status()).isEqualTo(ItemStatus.DRAFT);
            assertRefused(() -> sent.delete(REPORTER_A, T0.plusSeconds(100)), "item.not-deletable", "是正式记录，不能删除");
        }
        assertRefused(() -> submittedOfA().delete(REPORTER_A, T0), "item.not-deletable", "只能删除草稿（当前状态：已报送）");
        assertThatThrownBy(() -> draftOfA().delete(REPORTER_B, T0))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.NOT_FOUND));
    }

    @Test
    void theLeadersSignOffOpinionIsKeptWithTheSignedRevision() {
        Item asked = Item.draft("item-2", REPORTER_A, majorEvent(), T0).submit(REPORTER_A, T0).item();

        Item.Transition signed = asked.signOff(LEADER_A, "  同意报送，注意数据口径。 ", T0.plusSeconds(20));

        assertThat(signed.item().currentRevision()).get().satisfies(r -> {
            assertThat(r.signedOffBy()).isEqualTo("lead-a");
            assertThat(r.signOffOpinion()).isEqualTo("同意报送，注意数据口径。");
        });
        assertThat(signed.changes()).first().isEqualTo(
                new ItemChange.SignedOff("item-2", "U006", "同意报送，注意数据口径。", T0.plusSeconds(20), "lead-a"));
        assertThat(asked.signOff(LEADER_A, " ", T0).item().currentRevision().orElseThrow().signOffOpinion()).isNull();
    }

    @Test
    void anItemTheLeaderSentBackReadsAsSentBackUntilItIsSubmittedAgain() {
        Item asked = Item.draft("item-2", REPORTER_A, majorEvent(), T0).submit(REPORTER_A, T0).item();
        Item sentBack = asked.sendBack(LEADER_A, "请核实数据", T0.plusSeconds(5)).item();
        Item edited = sentBack.revise(REPORTER_A, retitled(sentBack.draft(), "核实后的标题"), T0.plusSeconds(6));

        assertThat(sentBack.sentBackByLeader()).isTrue();
        assertThat(sentBack.statusLabel()).isEqualTo("领导退回修改");
        assertThat(edited.statusLabel()).isEqualTo("领导退回修改");
        assertThat(edited.signOffOpinion()).isEqualTo("请核实数据");

        Item askedAgain = edited.submit(REPORTER_A, T0.plusSeconds(7)).item();
        assertThat(askedAgain.sentBackByLeader()).isFalse();
        assertThat(askedAgain.statusLabel()).isEqualTo("待领导签批");
        assertThat(draftOfA().statusLabel()).isEqualTo("草稿");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String code,
                                      String detail) {
        assertThatThrownBy(action).isInstanceOfSatisfying(ItemRuleException.class, e -> {
            assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
