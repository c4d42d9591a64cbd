package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionKind;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.ChangeType;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordOrigin;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordVersion;
import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRuleViolation;
import cn.gov.eqq.govinfo.adoption.record.domain.CombinedAdoption;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemAdoptions;
import cn.gov.eqq.govinfo.adoption.record.domain.RecordContent;
import cn.gov.eqq.govinfo.adoption.support.InMemoryCombinedAdoptionStore;
import cn.gov.eqq.govinfo.adoption.support.InMemoryItemAdoptionsStore;
import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionCorrected;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingAdoptionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T02:00:00Z")).withZone(BeijingTime.ZONE);
    private final InMemoryItemAdoptionsStore store = new InMemoryItemAdoptionsStore()
            .receivedItem("A", "U001", "开发区招商", false)
            .receivedItem("B", "U002", "敖镇招商", false)
            .receivedItem("C", "U003", "城川镇招商", false);
    private final InMemoryCombinedAdoptionStore combinedStore = new InMemoryCombinedAdoptionStore();

    private final RecordingAdoptions recording = new RecordingAdoptions(new ItemChanges(store), store, combinedStore,
            clock);

    private static RecordContent brief(String issue) {
        return new RecordContent(AdoptionKind.REGION_DAILY_BRIEF_ADOPTED, null, issue, LocalDate.of(2026, 9, 8),
                null, null, null);
    }

    @Test
    void recordCorrectionAndWithdrawalEachPutTheirEventInTheItemsOutbox() {
        ItemAdoptions item = recording.record("A", new RecordContent(AdoptionKind.CITY_BULLETIN_ADOPTED, null,
                "2026年第15期", LocalDate.of(2026, 7, 15), null, null, null), "room-editor");
        String recordId = item.records().get(0).recordId();
        recording.correct(new CorrectRecord("A", recordId, brief("2026年第88期"), "刊物录错", "room-editor"));
        recording.withdraw(new WithdrawRecord("A", recordId, "误录", "room-2"));

        List<EventEnvelope<?>> events = store.outbox();

        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("AdoptionRecorded", "AdoptionCorrected", "AdoptionWithdrawn");
        assertThat(events).allSatisfy(e -> assertThat(e.key()).isEqualTo("A"));
        AdoptionRecorded recorded = (AdoptionRecorded) events.get(0).payload();
        assertThat(recorded.unitId()).isEqualTo("U001");
        assertThat(recorded.publication()).isEqualTo("鄂尔多斯政讯");
        assertThat(recorded.effectiveDate()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(recorded.recordedAt()).isEqualTo(clock.instant());
        assertThat(((AdoptionCorrected) events.get(1).payload()).kind()).isEqualTo("REGION_DAILY_BRIEF_ADOPTED");
        assertThat(((AdoptionWithdrawn) events.get(2).payload()).withdrawnBy()).isEqualTo("room-2");
    }

    @Test
    void todayIsTheBeijingDateEvenWhileUtcIsStillYesterday() {
        MutableClock justAfterBeijingMidnight = new MutableClock(Instant.parse("2026-11-27T16:30:00Z")).withZone(BeijingTime.ZONE);
        RecordingAdoptions atMidnight = new RecordingAdoptions(new ItemChanges(store), store, combinedStore,
                justAfterBeijingMidnight);

        atMidnight.record("A", new RecordContent(AdoptionKind.CITY_BULLETIN_ADOPTED, null, "第1期",
                LocalDate.of(2026, 11, 28), null, null, null), "room-editor");

        assertThatThrownBy(() -> atMidnight.record("B", new RecordContent(AdoptionKind.CITY_BULLETIN_ADOPTED, null,
                "第1期", LocalDate.of(2026, 11, 29), null, null, null), "room-editor"))
                .isInstanceOf(AdoptionRuleViolation.class).hasMessageContaining("不能晚于今天");
        assertThat(((AdoptionRecorded) store.outbox().get(0).payload()).effectiveDate())
                .isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void unknownItemIsReportedAndNothingIsWritten() {
        assertThatThrownBy(() -> recording.record("nope", brief("1"), "room-editor")).isInstanceOf(ItemNotKnown.class);
        assertThat(store.outbox()).isEmpty();
    }

    @Test
    void combinedAdoptionGivesEverySourceItsOwnEventWithTheSharedId() {
        CombinedAdoption combined = recording.recordCombined(brief("2026年第101期"), List.of("A", "B", "C"),
                "room-editor");

        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("A", "B", "C");
        assertThat(store.outbox()).allSatisfy(e -> assertThat(((AdoptionRecorded) e.payload()).combinedRecordId())
                .isEqualTo(combined.combinedRecordId()));
        assertThat(combinedStore.applied(combined.combinedRecordId())).isTrue();
    }

    @Test
    void combinedAdoptionIsRefusedWholeWhenOneSourceCannotTakeIt() {
        recording.record("B", brief("2026年第101期"), "room-editor");
        int before = store.outbox().size();

        assertThatThrownBy(() -> recording.recordCombined(brief("2026年第101期"), List.of("A", "B"), "room-editor"))
                .isInstanceOf(AdoptionRuleViolation.class).hasMessageContaining("B");
        assertThatThrownBy(() -> recording.recordCombined(brief("2026年第102期"), List.of("A", "X"), "room-editor"))
                .isInstanceOf(ItemNotKnown.class);

        assertThat(store.outbox()).hasSize(before);
        assertThat(store.load("A").orElseThrow().item().records()).isEmpty();
        assertThat(combinedStore.pendingSince(clock.instant().plusSeconds(3600))).isEmpty();
    }

    @Test
    void combinedAdoptionInterruptedHalfWayIsFinishedWithoutDoubleCredit() {
        store.failNextSaveOf("B");

        assertThatThrownBy(() -> recording.recordCombined(brief("2026年第101期"), List.of("A", "B"), "room-editor"))
                .hasMessageContaining("simulated crash");
        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("A");

        clock.advance(Duration.ofMinutes(1));
        recording.completePending();
        recording.completePending();

        assertThat(store.outbox()).extracting(EventEnvelope::key).containsExactly("A", "B");
        assertThat(store.load("A").orElseThrow().item().records()).hasSize(1);
        assertThat(store.load("B").orElseThrow().item().records()).hasSize(1);
    }

    @Test
    void combinedAdoptionIsCorrectedAndWithdrawnForEverySourceAtOnce() {
        CombinedAdoption combined = recording.recordCombined(brief("2026年第101期"), List.of("A", "B", "C"),
                "room-editor");
        recording.withdraw(new WithdrawRecord("C", combined.sources().get(2).recordId(), "C 并非来源",
                "room-editor"));

        recording.correctCombined(new CorrectCombined(combined.combinedRecordId(), brief("2026年第110期"), "期号录错",
                "room-editor"));
        // repeating it (e.g. after an interruption) corrects nothing twice
        recording.correctCombined(new CorrectCombined(combined.combinedRecordId(), brief("2026年第110期"), "期号录错",
                "room-editor"));

        assertThat(store.outbox()).extracting(e -> e.type() + ":" + e.key()).containsExactly(
                "AdoptionRecorded:A", "AdoptionRecorded:B", "AdoptionRecorded:C", "AdoptionWithdrawn:C",
                "AdoptionCorrected:A", "AdoptionCorrected:B");
        assertThatThrownBy(() -> recording.correctCombined(new CorrectCombined(combined.combinedRecordId(),
                new RecordContent(AdoptionKind.CITY_BULLETIN_ADOPTED, null, "第1期", LocalDate.of(2026, 9, 8), null,
                        null, null), "改类型", "room-editor"))).hasMessageContaining("不能更改类型");

        recording.withdrawCombined(combined.combinedRecordId(), "实际未采用", "room-editor");
        recording.withdrawCombined(combined.combinedRecordId(), "实际未采用", "room-editor");

        assertThat(store.outbox().subList(6, store.outbox().size()))
                .extracting(e -> e.type() + ":" + e.key())
                .containsExactly("AdoptionWithdrawn:A", "AdoptionWithdrawn:B");
        assertThatThrownBy(() -> recording.withdrawCombined("CMB-nope", "x", "room-editor"))
                .isInstanceOf(RecordingAdoptions.CombinedNotKnown.class);
    }

    @Test
    void combinedAdoptionPublishesOneRecordPerSourceWithItsPlaceInTheListedOrder() {
        CombinedAdoption combined = recording.recordCombined(brief("2026年第5期"), List.of("C", "A", "B"),
                "room-editor");

        assertThat(store.outbox()).extracting(e -> (AdoptionRecorded) e.payload())
                .extracting(AdoptionRecorded::itemId, AdoptionRecorded::combinedPosition,
                        AdoptionRecorded::combinedRecordId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("C", 0, combined.combinedRecordId()),
                        org.assertj.core.groups.Tuple.tuple("A", 1, combined.combinedRecordId()),
                        org.assertj.core.groups.Tuple.tuple("B", 2, combined.combinedRecordId()));
    }

    @Test
    void aSingleRecordIsPublishedWithoutACombinedPosition() {
        recording.record("A", brief("2026年第6期"), "room-editor");

        assertThat(store.outbox()).singleElement()
                .satisfies(e -> assertThat(((AdoptionRecorded) e.payload()).combinedPosition()).isNull());
    }

    @Test
    void aSourceStoredAsUncreditedUnderTheFormerLeadOnlySettingStillReadsAndStaysUnpublished() {
        RecordVersion first = new RecordVersion(1, ChangeType.RECORDED, brief("2026年第7期"), null, "room-editor",
                Instant.parse("2025-03-01T01:00:00Z"));
        store.withItem(new ItemAdoptions("D", new ItemFacts("U004", "旧综合采用来源", true, false, false, false),
                List.of(new AdoptionRecord("CMB-old.2", "D", RecordOrigin.COMBINED, "CMB-old", null, false, null,
                        List.of(first), List.of(), null))));

        recording.correct(new CorrectRecord("D", "CMB-old.2", brief("2026年第8期"), "期号录错", "room-editor"));
        recording.withdraw(new WithdrawRecord("D", "CMB-old.2", "并非来源", "room-editor"));

        assertThat(store.outbox()).isEmpty();
        assertThat(store.load("D").orElseThrow().item().find("CMB-old.2").orElseThrow().versions()).hasSize(3);
    }

    @Test
    void followUpReportIsToldAsAnEventThatChangesNoScore() {
        ItemAdoptions item = recording.record("A", new RecordContent(AdoptionKind.CITY_LEADER_INSTRUCTION, null, null,
                LocalDate.of(2026, 11, 1), "王副市长", "请总结推广",
                new cn.gov.eqq.govinfo.adoption.record.domain.FollowUpRequest("报送经验", LocalDate.of(2026, 11, 20))),
                "room-editor");
        String recordId = item.records().get(0).recordId();

        recording.reportFollowUp(new ReportFollowUp("A", recordId, "U001", "已报送", LocalDate.of(2026, 11, 27),
                "reporter-1"));

        assertThat(store.load("A").orElseThrow().item().find(recordId).orElseThrow().followUpReports()).hasSize(1);
        assertThat(store.outbox()).extracting(EventEnvelope::type)
                .containsExactly("AdoptionRecorded", "InstructionFollowUpReported");
        var told = (cn.gov.eqq.govinfo.contracts.adoption.InstructionFollowUpReported) store.outbox().get(1).payload();
        assertThat(told.late()).isTrue();
        assertThat(told.unitId()).isEqualTo("U001");
        assertThat(told.doneOn()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(told.action()).isEqualTo("报送经验");
    }
}
