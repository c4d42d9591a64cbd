package cn.gov.eqq.govinfo.intake.item.domain;

import org.junit.jupiter.api.Test;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemLifeCycleTest {

    @Test
    void draftBelongsToTheReportersUnitAndCausesNoEvent() {
        Item item = draftOfA();

        assertThat(item.unitId()).isEqualTo("U006");
        assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(item.createdAt()).isEqualTo(T0);
        assertThat(item.revisions()).isEmpty();
    }

    @Test
    void submittingAnOrdinaryItemSendsRevisionOneToTheRoom() {
        Item.Transition t = draftOfA().submit(REPORTER_A, T0.plusSeconds(60));

        assertThat(t.item().status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(t.item().revisions()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(1);
            assertThat(r.submittedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(r.outcome()).isEqualTo(Revision.Outcome.PENDING);
        });
        assertThat(t.changes()).containsExactly(
                new ItemChange.Submitted("item-1", "U006", 1, T0.plusSeconds(60), "rep-a"));
    }

    @Test
    void receivingCountsTheSubmittedRevisionWithItsSubmissionTime() {
        Item submitted = submittedOfA();

        Item.Transition t = submitted.receive(ROOM, T0.plusSeconds(3600));

        assertThat(t.item().status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(t.item().receivedRevision()).get().extracting(Revision::number).isEqualTo(1);
        assertThat(t.changes()).containsExactly(new ItemChange.Received("item-1", "U006", 1,
                T0.plusSeconds(60), T0.plusSeconds(3600), "room-1"));
    }

    @Test
    void returnedItemIsRevisedAndResubmittedKeepingEveryRevision() {
        Item returned = submittedOfA().returnForRevision(ROOM, "请补充具体数据", T0.plusSeconds(120)).item();
        assertThat(returned.status()).isEqualTo(ItemStatus.RETURNED);

        Item revised = returned.revise(REPORTER_A, retitled(returned.draft(), "我旗推进会部署下半年信息工作（修改稿）"),
                T0.plusSeconds(180));
        Item.Transition resubmitted = revised.submit(REPORTER_A, T0.plusSeconds(240));
        Item received = resubmitted.item().receive(ROOM, T0.plusSeconds(300)).item();

        assertThat(resubmitted.changes()).containsExactly(
                new ItemChange.Submitted("item-1", "U006", 2, T0.plusSeconds(240), "rep-a"));
        assertThat(received.revisions()).hasSize(2);
        Revision first = received.revisions().get(0);
        assertThat(first.outcome()).isEqualTo(Revision.Outcome.RETURNED);
        assertThat(first.opinion()).isEqualTo("请补充具体数据");
        assertThat(first.content().title()).isEqualTo("我旗召开2026年政务信息工作推进会");
        assertThat(received.receivedRevision()).get().satisfies(r -> {
            assertThat(r.number()).isEqualTo(2);
            assertThat(r.submittedAt()).isEqualTo(T0.plusSeconds(240));
            assertThat(r.content().title()).isEqualTo("我旗推进会部署下半年信息工作（修改稿）");
        });
    }

    @Test
    void returnWithoutOpinionIsRefused() {
        assertThatThrownBy(() -> submittedOfA().returnForRevision(ROOM, "  ", T0))
                .isInstanceOfSatisfying(ItemRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.INVALID))
                .hasMessageContaining("意见");
    }

    @Test
    void majorEventWaitsForTheLeaderAndReachesTheRoomWhenSigned() {
        Item draft = Item.draft("item-2", REPORTER_A, majorEvent(), T0);

        Item.Transition asked = draft.submit(REPORTER_A, T0.plusSeconds(10));
        assertThat(asked.item().status()).isEqualTo(ItemStatus.AWAITING_SIGN_OFF);
        assertThat(asked.item().revisions()).isEmpty();
        assertThat(asked.changes()).containsExactly(
                new ItemChange.SignOffRequested("item-2", "U006", T0.plusSeconds(10), "rep-a"));

        Item.Transition signed = asked.item().signOff(LEADER_A, T0.plusSeconds(20));
        assertThat(signed.item().status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(signed.changes()).containsExactly(
                new ItemChange.SignedOff("item-2", "U006", null, T0.plusSeconds(20), "lead-a"),
                new ItemChange.Submitted("item-2", "U006", 1, T0.plusSeconds(20), "rep-a"));
        assertThat(signed.item().currentRevision()).get().satisfies(r -> {
            assertThat(r.signedOffBy()).isEqualTo("lead-a");
            assertThat(r.submittedBy()).isEqualTo("rep-a");
        });
    }

    @Test
    void leaderSendsMajorEventBackToTheReporterWithAnOpinion() {
        Item asked = Item.draft("item-2", REPORTER_A, majorEvent(), T0).submit(REPORTER_A, T0).item();

        Item.Transition back = asked.sendBack(LEADER_A, "数据需与应急局核实", T0.plusSeconds(5));

        assertThat(back.item().status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(back.item().signOffOpinion()).isEqualTo("数据需与应急局核实");
        assertThat(back.changes()).containsExactly(
                new ItemChange.SentBackBySignOff("item-2", "U006", "数据需与应急局核实", T0.plusSeconds(5), "lead-a"));
        // and it may be revised and asked again
        assertThat(back.item().submit(REPORTER_A, T0.plusSeconds(9)).item().status())
                .isEqualTo(ItemStatus.AWAITING_SIGN_OFF);
    }

    @Test
    void itemAwaitingSignOffCannotBeEditedOrReceived() {
        Item asked = Item.draft("item-2", REPORTER_A, majorEvent(), T0).submit(REPORTER_A, T0).item();

        assertThatThrownBy(() -> asked.revise(REPORTER_A, majorEvent(), T0)).isInstanceOf(ItemRuleException.class)
                .hasMessageContaining("待领导签批");
        assertThatThrownBy(() -> asked.receive(ROOM, T0)).isInstanceOfSatisfying(ItemRuleException.class,
                e -> assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.CONFLICT));
    }

    @Test
    void voidedItemIsFinalAndRemembersWhyAndWho() {
        Item.Transition t = receivedOfA().voidItem(ROOM, "与U007报送内容重复", T0.plusSeconds(7200));

        assertThat(t.item().status()).isEqualTo(ItemStatus.VOIDED);
        assertThat(t.item().voidReason()).isEqualTo("与U007报送内容重复");
        assertThat(t.changes()).containsExactly(
                new ItemChange.Voided("item-1", "U006", "与U007报送内容重复", T0.plusSeconds(7200), "room-1"));
        assertThatThrownBy(() -> t.item().forwardToCity(ROOM, T0)).isInstanceOf(ItemRuleException.class);
        assertThatThrownBy(() -> t.item().voidItem(ROOM, "再次", T0)).isInstanceOf(ItemRuleException.class);
        assertThatThrownBy(() -> t.item().revise(REPORTER_A, dynamicNews(), T0)).isInstanceOf(ItemRuleException.class);
    }

    @Test
    void voidNeedsAReason() {
        assertThatThrownBy(() -> submittedOfA().voidItem(ROOM, null, T0))
                .isInstanceOf(ItemRuleException.class).hasMessageContaining("理由");
    }

    @Test
    void draftCannotBeVoided() {
        assertThatThrownBy(() -> draftOfA().voidItem(ROOM, "无效", T0))
                .isInstanceOfSatisfying(ItemRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.CONFLICT));
    }

    @Test
    void receivedItemIsForwardedToTheCityOnlyOnce() {
        Item.Transition t = receivedOfA().forwardToCity(ROOM, T0.plusSeconds(9000));

        assertThat(t.item().forwarded()).isTrue();
        assertThat(t.item().status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(t.changes()).containsExactly(
                new ItemChange.ForwardedToCity("item-1", "U006", T0.plusSeconds(9000), "room-1"));
        assertThatThrownBy(() -> t.item().forwardToCity(ROOM, T0.plusSeconds(9999)))
                .isInstanceOfSatisfying(ItemRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("item.already-forwarded"));
    }

    @Test
    void onlyReceivedItemsCanBeForwarded() {
        assertThatThrownBy(() -> submittedOfA().forwardToCity(ROOM, T0))
                .isInstanceOfSatisfying(ItemRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("item.not-received"));
    }

    @Test
    void submittedItemCannotBeReceivedTwice() {
        Item received = receivedOfA();
        assertThatThrownBy(() -> received.receive(ROOM, T0)).isInstanceOf(ItemRuleException.class);
        assertThatThrownBy(() -> received.returnForRevision(ROOM, "x", T0)).isInstanceOf(ItemRuleException.class);
    }
}
