package cn.gov.eqq.govinfo.intake.item.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.LEADER_A;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.REPORTER_A;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.ROOM;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.T0;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.VIEWER;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.dynamicNews;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 代录: the room enters an item for a unit that sent it by e-mail. */
class ItemOnBehalfTest {

    private static final Instant EMAIL = T0.minus(Duration.ofHours(3));

    @Test
    void theEnteredItemIsTheUnitsAndSubmittedAtTheTimeTheUnitSentIt() {
        Item.Transition t = Item.enteredOnBehalf("i-1", "U006", dynamicNews(), EMAIL, ROOM, T0);

        Item item = t.item();
        assertThat(item.unitId()).isEqualTo("U006");
        assertThat(item.status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(item.lastSubmittedAt()).isEqualTo(EMAIL);
        assertThat(item.revisions()).singleElement().satisfies(r -> {
            assertThat(r.submittedAt()).isEqualTo(EMAIL);
            assertThat(r.outcome()).isEqualTo(Revision.Outcome.PENDING);
        });
        assertThat(item.enteredOnBehalf()).isEqualTo(new EnteredOnBehalf("room-1", "王菁", T0));
        assertThat(item.isEnteredOnBehalf()).isTrue();
        assertThat(t.changes()).containsExactly(new ItemChange.EnteredForUnit("i-1", "U006", T0, "room-1"),
                new ItemChange.Submitted("i-1", "U006", 1, EMAIL, "room-1"));
    }

    @Test
    void withoutATimeTheItemIsSentNow() {
        assertThat(Item.enteredOnBehalf("i-1", "U006", dynamicNews(), null, ROOM, T0).item().lastSubmittedAt())
                .isEqualTo(T0);
    }

    @Test
    void onlyTheRoomEntersForAUnit() {
        for (var someone : new cn.gov.eqq.govinfo.intake.shared.domain.Actor[] {REPORTER_A, LEADER_A, VIEWER}) {
            assertThatThrownBy(() -> Item.enteredOnBehalf("i-1", "U006", dynamicNews(), EMAIL, someone, T0))
                    .isInstanceOfSatisfying(ItemRuleException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.FORBIDDEN);
                        assertThat(e.getMessage()).isEqualTo("只有旗政府办信息室可以代录信息");
                    });
        }
    }

    @Test
    void aTimeInTheFutureIsRefusedBesideTheField() {
        assertThatThrownBy(() -> Item.enteredOnBehalf("i-1", "U006", dynamicNews(), T0.plusSeconds(60), ROOM, T0))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("item.sent-at-in-future");
                    assertThat(e.violations()).containsExactly(new Violation("sentAt", "报送时间不能晚于现在"));
                });
    }

    @Test
    void lastMonthMayStillBeEnteredButNothingBeforeItsFirstDayInBeijing() {
        // T0 is 10 July 2026 in Beijing: the earliest is 1 June 00:00 Beijing = 31 May 16:00 UTC
        Instant firstOfJune = Instant.parse("2026-05-31T16:00:00Z");
        assertThat(Item.earliestSentAt(T0)).isEqualTo(firstOfJune);
        assertThat(Item.enteredOnBehalf("i-1", "U006", dynamicNews(), firstOfJune, ROOM, T0).item().lastSubmittedAt())
                .isEqualTo(firstOfJune);
        assertThatThrownBy(() -> Item.enteredOnBehalf("i-1", "U006", dynamicNews(), firstOfJune.minusMillis(1), ROOM,
                T0)).isInstanceOfSatisfying(ItemRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("item.sent-at-too-early");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("sentAt");
                });
    }

    @Test
    void anIncompleteItemIsRefusedAsAnySubmission() {
        ItemContent c = dynamicNews();
        ItemContent noBody = new ItemContent(c.title(), null, c.category(), c.topics(), c.eventDate(),
                c.reporterName(), c.contactPhone(), c.polarity(), false, false, c.countermeasures(), null, c.attachmentIds());
        assertThatThrownBy(() -> Item.enteredOnBehalf("i-1", "U006", noBody, EMAIL, ROOM, T0))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.INVALID);
                    assertThat(e.violations()).extracting(Violation::field).contains("body");
                });
    }

    @Test
    void theRoomHandlesItAsAnySubmittedItemAndTheMarkStays() {
        Item entered = Item.enteredOnBehalf("i-1", "U006", dynamicNews(), EMAIL, ROOM, T0).item();

        Item.Transition received = entered.receive(ROOM, T0.plusSeconds(60));

        assertThat(received.item().status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(received.item().countsFrom()).isEqualTo(EMAIL);
        assertThat(received.changes()).singleElement().isInstanceOfSatisfying(ItemChange.Received.class,
                r -> assertThat(r.submittedAt()).isEqualTo(EMAIL));
        assertThat(received.item().isEnteredOnBehalf()).isTrue();
    }

    @Test
    void aReturnedEnteredItemGoesBackToTheUnitWhichRevisesAndSubmitsIt() {
        Item entered = Item.enteredOnBehalf("i-1", "U006", dynamicNews(), EMAIL, ROOM, T0).item();
        Item returned = entered.returnForRevision(ROOM, "请补充数据来源", T0.plusSeconds(60)).item();

        Item revised = returned.revise(REPORTER_A, ItemFixtures.retitled(dynamicNews(), "补充后的标题"),
                T0.plusSeconds(120));
        Item.Transition resubmitted = revised.submit(REPORTER_A, T0.plusSeconds(180));

        assertThat(resubmitted.item().status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(resubmitted.item().currentRevision().orElseThrow().submittedBy()).isEqualTo("rep-a");
        assertThat(resubmitted.item().enteredOnBehalf()).isNotNull();
    }

    @Test
    void anItemTheUnitSentItselfIsNotEnteredOnBehalf() {
        assertThat(ItemFixtures.submittedOfA().isEnteredOnBehalf()).isFalse();
    }
}
