package cn.gov.eqq.govinfo.intake.item.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.REPORTER_A;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.ROOM;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.T0;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.receivedOfA;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.submittedOfA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The room corrects how a received item is classified, with a reason, until its period's circular is published. */
class ItemCorrectionTest {

    private static final Instant LATER = T0.plusSeconds(7200);
    private static final Classification AS_PROBLEM = new Classification(Category.PROBLEM, false, false,
            List.of(FocusTopic.DEEPENING_REFORM, FocusTopic.LIVELIHOOD));
    private static final PublishedCircular Q3 = new PublishedCircular("QUARTERLY-2026-Q3", "2026-Q3",
            "关于2026年第三季度全旗政务信息工作情况的通报", "鄂前政办信〔2026〕7号");

    @Test
    void roomCorrectsTheCategoryOfAReceivedItemAndTheItemKeepsWhatChangedAndWhy() {
        Item received = receivedOfA();

        Item.Transition t = received.correct(ROOM, AS_PROBLEM, "反映问题并提出对策，应为问题信息", Optional.empty(), LATER);

        assertThat(t.item().classification()).isEqualTo(AS_PROBLEM);
        assertThat(t.item().status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(t.item().revisions()).isEqualTo(received.revisions()); // what the unit sent stays as sent
        assertThat(t.item().corrections()).containsExactly(new Correction(1,
                new Classification(Category.DYNAMIC, false, false, List.of(FocusTopic.DEEPENING_REFORM)), AS_PROBLEM,
                "反映问题并提出对策，应为问题信息", "room-1", "王菁", LATER));
        assertThat(t.item().corrections().get(0).changes()).containsExactly(
                "类别 由「动态类」改为「问题类」", "报送重点 由「深化改革」改为「深化改革、民生改善」");
        assertThat(t.changes()).containsExactly(new ItemChange.Corrected("item-1", "U006", 1,
                received.classification(), AS_PROBLEM, "反映问题并提出对策，应为问题信息", LATER, "room-1"));
    }

    @Test
    void aSecondCorrectionStartsFromWhereTheFirstLeftTheItem() {
        Item once = receivedOfA().correct(ROOM, AS_PROBLEM, "应为问题信息", Optional.empty(), LATER).item();
        Classification emergency = new Classification(Category.PROBLEM, true, true, AS_PROBLEM.topics());

        Item twice = once.correct(ROOM, emergency, "属突发事件", Optional.empty(), LATER.plusSeconds(60)).item();

        assertThat(twice.corrections()).hasSize(2);
        assertThat(twice.corrections().get(1).before()).isEqualTo(AS_PROBLEM);
        assertThat(twice.corrections().get(1).changes())
                .containsExactly("重大事件 由「否」改为「是」", "重大紧急 由「否」改为「是」");
        assertThat(twice.classification()).isEqualTo(emergency);
    }

    @Test
    void roomCorrectsWhileReceivingInTheSameTransition() {
        Item.Transition t = submittedOfA().receive(ROOM, AS_PROBLEM, "应为问题信息", Optional.empty(), LATER);

        assertThat(t.item().status()).isEqualTo(ItemStatus.RECEIVED);
        assertThat(t.item().classification()).isEqualTo(AS_PROBLEM);
        assertThat(t.changes()).hasSize(2);
        assertThat(t.changes().get(0)).isInstanceOf(ItemChange.Received.class);
        assertThat(t.changes().get(1)).isInstanceOf(ItemChange.Corrected.class);
    }

    @Test
    void correctionWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> receivedOfA().correct(ROOM, AS_PROBLEM, "  ", Optional.empty(), LATER))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.INVALID);
                    assertThat(e.code()).isEqualTo("item.reason-required");
                    assertThat(e.getMessage()).isEqualTo("更正时必须填写理由");
                });
    }

    @Test
    void correctionThatChangesNothingIsRefused() {
        Item received = receivedOfA();
        Classification same = received.classification();

        assertThatThrownBy(() -> received.correct(ROOM, same, "核对", Optional.empty(), LATER))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.INVALID);
                    assertThat(e.code()).isEqualTo("item.correction-unchanged");
                });
    }

    @Test
    void itemNotYetReceivedCannotBeCorrected() {
        assertThatThrownBy(() -> submittedOfA().correct(ROOM, AS_PROBLEM, "应为问题信息", Optional.empty(), LATER))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("item.not-correctable");
                    assertThat(e.getMessage()).isEqualTo("只能更正已接收的信息（当前状态：已报送）");
                });
    }

    @Test
    void voidedItemCannotBeCorrected() {
        Item voided = receivedOfA().voidItem(ROOM, "重复报送", LATER).item();

        assertThatThrownBy(() -> voided.correct(ROOM, AS_PROBLEM, "应为问题信息", Optional.empty(), LATER))
                .isInstanceOfSatisfying(ItemRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("item.not-correctable"));
    }

    @Test
    void noCorrectionOnceTheCircularOfTheItemsPeriodIsPublished() {
        assertThatThrownBy(() -> receivedOfA().correct(ROOM, AS_PROBLEM, "应为问题信息", Optional.of(Q3), LATER))
                .isInstanceOfSatisfying(ItemRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("item.period-published");
                    assertThat(e.getMessage()).isEqualTo("该信息所属期间的《关于2026年第三季度全旗政务信息工作情况的通报》"
                            + "（鄂前政办信〔2026〕7号）已发布，不能再更正");
                });
    }

    @Test
    void onlyTheRoomCorrects() {
        assertThatThrownBy(() -> receivedOfA().correct(REPORTER_A, AS_PROBLEM, "应为问题信息", Optional.empty(), LATER))
                .isInstanceOfSatisfying(ItemRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.FORBIDDEN));
    }

    @Test
    void correctionWithoutACategoryIsRefused() {
        Classification none = new Classification(null, false, false, List.of());
        assertThatThrownBy(() -> receivedOfA().correct(ROOM, none, "应为问题信息", Optional.empty(), LATER))
                .isInstanceOfSatisfying(ItemRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("item.category-required"));
    }

    @Test
    void anItemCountsInTheQuarterAndYearOfItsSubmissionBeijingTime() {
        // 2026-09-30 16:30 UTC is 1 October 00:30 in Beijing
        assertThat(PublishedCircular.periodsFreezing(Instant.parse("2026-09-30T16:30:00Z")))
                .containsExactly("2026-Q4", "2026");
        assertThat(PublishedCircular.periodsFreezing(Instant.parse("2026-09-30T15:30:00Z")))
                .containsExactly("2026-Q3", "2026");
    }
}
