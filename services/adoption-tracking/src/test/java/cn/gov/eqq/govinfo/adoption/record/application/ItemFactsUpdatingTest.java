package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionKind;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFactChange;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import cn.gov.eqq.govinfo.adoption.record.domain.WaitingImport;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.adoption.support.InMemoryItemAdoptionsStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ItemFactsUpdatingTest {

    private final InMemoryItemAdoptionsStore store = new InMemoryItemAdoptionsStore();
    private final ItemFactsUpdating updating = new ItemFactsUpdating(store,
            Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), BeijingTime.ZONE));
    private static final Instant T = Instant.parse("2026-07-01T02:00:00Z");

    private int events;

    private UpdateItemFacts heard(ItemFactChange change) {
        return new UpdateItemFacts("evt-" + ++events, "I", change);
    }

    private UpdateItemFacts received(String title, boolean majorEmergency) {
        return heard(new ItemFactChange.Received("U006", title, majorEmergency));
    }

    private UpdateItemFacts submitted(String title) {
        return heard(new ItemFactChange.Submitted("U006", title));
    }

    @Test
    void receivedItemBecomesRecordableWithItsUnitTitleAndEmergencyFlag() {
        updating.apply(submitted("初稿标题"));
        updating.apply(received("定稿标题", true));

        ItemFacts facts = store.load("I").orElseThrow().item().facts();
        assertThat(facts).isEqualTo(new ItemFacts("U006", "定稿标题", true, false, true, false));
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UpdateItemFacts event = received("标题", false);

        assertThat(updating.apply(event)).isTrue();
        long version = store.load("I").orElseThrow().version();
        assertThat(updating.apply(event)).isFalse();

        assertThat(store.load("I").orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void voidedItemStopsTakingRecords() {
        updating.apply(received("标题", false));
        updating.apply(heard(new ItemFactChange.Voided("U006")));

        ItemFacts facts = store.load("I").orElseThrow().item().facts();
        assertThat(facts.voided()).isTrue();
        assertThat(facts.received()).isTrue();
    }

    @Test
    void submittedAfterReceiptDoesNotOverwriteTheReceivedTitle() {
        updating.apply(received("接收的标题", false));
        updating.apply(submitted("再次提交的标题"));

        assertThat(store.load("I").orElseThrow().item().facts().title()).isEqualTo("接收的标题");
    }

    @Test
    void importedLinesWaitingForTheItemAreRecordedAndPublishedWhenItIsReceived() {
        ItemAdoptions unknown = ItemAdoptions.firstHeardOf("I");
        unknown.awaitImport(new WaitingImport("IMP-1", 3, "imp-abc", "abc", new RecordContent(
                AdoptionKind.CITY_BULLETIN_ADOPTED, null, "2026年第3期", LocalDate.of(2026, 2, 10), null, null, null),
                "room-editor", T));
        store.withItem(unknown);

        updating.apply(submitted("标题"));
        assertThat(store.outbox()).isEmpty();
        updating.apply(received("标题", false));

        ItemAdoptions item = store.load("I").orElseThrow().item();
        assertThat(item.waitingImports()).isEmpty();
        assertThat(item.records()).singleElement().satisfies(r -> assertThat(r.recordId()).isEqualTo("imp-abc"));
        assertThat(store.outbox()).singleElement().satisfies(e -> {
            AdoptionRecorded recorded = (AdoptionRecorded) e.payload();
            assertThat(recorded.recordId()).isEqualTo("imp-abc");
            assertThat(recorded.unitId()).isEqualTo("U006");
            assertThat(recorded.effectiveDate()).isEqualTo(LocalDate.of(2026, 2, 10));
        });
    }
}
