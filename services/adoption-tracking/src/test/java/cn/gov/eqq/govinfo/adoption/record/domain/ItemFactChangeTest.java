package cn.gov.eqq.govinfo.adoption.record.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemFactChangeTest {

    private static final ItemFacts RECEIVED = new ItemFacts("U006", "接收的标题", true, false, false, false);

    @Test
    void aSubmissionAfterReceiptLeavesTheReceivedFactsAlone() {
        assertThat(new ItemFactChange.Submitted("U006", "再次提交的标题").applyTo(RECEIVED)).isEqualTo(RECEIVED);
    }

    @Test
    void forwardingMarksTheItemForwardedAndKeepsTheRest() {
        assertThat(new ItemFactChange.Forwarded("U006").applyTo(RECEIVED))
                .isEqualTo(new ItemFacts("U006", "接收的标题", true, false, false, true));
    }

    @Test
    void anyOtherEventOnlyFillsInAUnitNotYetKnown() {
        assertThat(new ItemFactChange.Other("U007").applyTo(RECEIVED)).isEqualTo(RECEIVED);
        assertThat(new ItemFactChange.Other("U007").applyTo(ItemFacts.unknown()))
                .isEqualTo(new ItemFacts("U007", null, false, false, false, false));
    }
}
