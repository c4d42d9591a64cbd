package cn.gov.eqq.govinfo.adoption.record.adapter.in.kafka;

import cn.gov.eqq.govinfo.adoption.record.application.UpdateItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFactChange;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemReturned;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeItemTranslationTest {

    private static final Instant T = Instant.parse("2026-07-01T02:00:00Z");

    @Test
    void aReceivedItemCarriesItsEventIdItemUnitTitleAndEmergencyFlag() {
        EventEnvelope<ItemReceived> envelope = EventEnvelope.wrap(new ItemReceived("I", "U006", 2, "定稿标题",
                "PROBLEM", List.of(), true, "PROBLEM", LocalDate.of(2026, 6, 30), T, T, "room", null),
                "submission-intake", T);

        assertThat(IntakeItemTranslation.of(envelope)).contains(new UpdateItemFacts(envelope.eventId(), "I",
                new ItemFactChange.Received("U006", "定稿标题", true)));
    }

    @Test
    void eachItemEventBecomesTheChangeItMakesToTheFacts() {
        assertThat(IntakeItemTranslation.change(new ItemSubmitted("I", "U006", 1, "初稿标题", "PROBLEM", T, null)))
                .isEqualTo(new ItemFactChange.Submitted("U006", "初稿标题"));
        assertThat(IntakeItemTranslation.change(new ItemVoided("I", "U006", "重复报送", T, "room")))
                .isEqualTo(new ItemFactChange.Voided("U006"));
        assertThat(IntakeItemTranslation.change(new ItemForwardedToCity("I", "U006", T, "room")))
                .isEqualTo(new ItemFactChange.Forwarded("U006"));
        assertThat(IntakeItemTranslation.change(new ItemReturned("I", "U006", 1, "请补充数据", T, "room")))
                .isEqualTo(new ItemFactChange.Other("U006"));
    }

    @Test
    void anEventThatIsNoItemEventTranslatesToNothing() {
        EventEnvelope<UnitChanged> unit = EventEnvelope.wrap(new UnitChanged("U006", "发改委", 2, true, T),
                "submission-intake", T);

        assertThat(IntakeItemTranslation.of(unit)).isEmpty();
    }
}
