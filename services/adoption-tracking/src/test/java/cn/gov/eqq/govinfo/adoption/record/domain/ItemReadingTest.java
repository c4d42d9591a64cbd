package cn.gov.eqq.govinfo.adoption.record.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.NOW;
import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.ROOM;
import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class ItemReadingTest {

    private final KindPointsTable table = Fixtures.shippedTable();

    @ParameterizedTest(name = "{0} earns {1}")
    @CsvSource({
            "STATE_COUNCIL_ADOPTED, 100",
            "REGION_FORWARDED_TO_STATE_COUNCIL, 100",
            "CENTRAL_LEADER_INSTRUCTION, 100",
            "REGION_DAILY_BRIEF_ADOPTED, 30",
            "REGION_LEADER_INSTRUCTION, 30",
            "CITY_BULLETIN_ADOPTED, 20",
            "CITY_FORWARDED_TO_REGION, 20",
            "CITY_LEADER_INSTRUCTION, 20"})
    void everyKindEarnsThePointsOfTheNotice(AdoptionKind kind, int expected) {
        ItemAdoptions item = Fixtures.receivedItem("I-1");
        item.record("r1", Fixtures.contentOf(kind, LocalDate.of(2026, 7, 15)), ROOM, NOW, TODAY);

        ItemReading reading = ItemReading.of(item, table);

        assertThat(reading.itemPoints()).isEqualTo(expected);
        assertThat(reading.countingRecordId()).isEqualTo("r1");
        assertThat(reading.records()).singleElement().satisfies(r -> {
            assertThat(r.points()).isEqualTo(expected);
            assertThat(r.counts()).isTrue();
            assertThat(r.addedPoints()).isEqualTo(expected);
            assertThat(r.period()).isEqualTo(YearMonth.of(2026, 7));
        });
    }

    @Test
    void onlyTheHighestRecordCountsAndAHigherOneAddsTheDifferenceInItsOwnMonth() {
        ItemAdoptions item = Fixtures.receivedItem("X");
        item.record("city", Fixtures.cityBulletin(LocalDate.of(2026, 7, 10), "2026年第30期"), ROOM, NOW, TODAY);
        item.record("region", Fixtures.contentOf(AdoptionKind.REGION_DAILY_BRIEF_ADOPTED, LocalDate.of(2026, 9, 3)),
                ROOM, NOW, TODAY);
        item.record("leader", Fixtures.instruction(AdoptionKind.CITY_LEADER_INSTRUCTION, LocalDate.of(2026, 10, 1),
                null), ROOM, NOW, TODAY);

        ItemReading reading = ItemReading.of(item, table);

        assertThat(reading.itemPoints()).isEqualTo(30);
        assertThat(reading.countingRecordId()).isEqualTo("region");
        assertThat(reading.records()).extracting(ItemReading.RecordReading::recordId,
                        ItemReading.RecordReading::period, ItemReading.RecordReading::addedPoints,
                        ItemReading.RecordReading::counts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("city", YearMonth.of(2026, 7), 20, false),
                        org.assertj.core.groups.Tuple.tuple("region", YearMonth.of(2026, 9), 10, true),
                        org.assertj.core.groups.Tuple.tuple("leader", YearMonth.of(2026, 10), 0, false));
        assertThat(reading.records().get(2).explanation()).contains("不另计分");
    }

    @Test
    void instructionOnMajorEmergencyItemIsKeptButEarnsNothing() {
        ItemAdoptions item = Fixtures.majorEmergencyItem("E");
        item.record("i", Fixtures.instruction(AdoptionKind.REGION_LEADER_INSTRUCTION, LocalDate.of(2026, 8, 1),
                null), ROOM, NOW, TODAY);

        ItemReading reading = ItemReading.of(item, table);

        assertThat(item.records()).hasSize(1);
        assertThat(reading.itemPoints()).isZero();
        assertThat(reading.countingRecordId()).isNull();
        assertThat(reading.records()).singleElement().satisfies(r -> {
            assertThat(r.points()).isEqualTo(30);
            assertThat(r.countable()).isZero();
            assertThat(r.counts()).isFalse();
            assertThat(r.explanation()).contains("重大紧急类");
        });
    }

    @Test
    void publicationAdoptionOfMajorEmergencyItemStillCounts() {
        ItemAdoptions item = Fixtures.majorEmergencyItem("E");
        item.record("i", Fixtures.instruction(AdoptionKind.CENTRAL_LEADER_INSTRUCTION, LocalDate.of(2026, 8, 1),
                null), ROOM, NOW, TODAY);
        item.record("p", Fixtures.cityBulletin(LocalDate.of(2026, 8, 2), "2026年第31期"), ROOM, NOW, TODAY);

        ItemReading reading = ItemReading.of(item, table);

        assertThat(reading.itemPoints()).isEqualTo(20);
        assertThat(reading.countingRecordId()).isEqualTo("p");
    }

    @Test
    void withdrawnRecordIsAsIfNeverRecorded() {
        ItemAdoptions item = Fixtures.receivedItem("X");
        item.record("city", Fixtures.cityBulletin(LocalDate.of(2026, 7, 10), "2026年第30期"), ROOM, NOW, TODAY);
        item.record("state", Fixtures.contentOf(AdoptionKind.STATE_COUNCIL_ADOPTED, LocalDate.of(2026, 8, 3)),
                ROOM, NOW, TODAY);
        item.withdraw("state", "误录：实为市级刊物", ROOM, NOW.plusSeconds(60));

        ItemReading reading = ItemReading.of(item, table);

        assertThat(reading.itemPoints()).isEqualTo(20);
        assertThat(reading.countingRecordId()).isEqualTo("city");
        assertThat(reading.records().get(1).countable()).isZero();
        assertThat(reading.records().get(1).addedPoints()).isZero();
        assertThat(reading.records().get(1).explanation()).contains("已撤销", "误录");
    }

    @Test
    void correctedRecordIsReadByItsNewContent() {
        ItemAdoptions item = Fixtures.receivedItem("X");
        item.record("r", Fixtures.cityBulletin(LocalDate.of(2026, 7, 10), "2026年第30期"), ROOM, NOW, TODAY);
        item.correct("r", Fixtures.contentOf(AdoptionKind.REGION_DAILY_BRIEF_ADOPTED, LocalDate.of(2026, 8, 1)),
                "类型录错，实为《每日要情》", ROOM, NOW.plusSeconds(60), TODAY);

        ItemReading reading = ItemReading.of(item, table);

        assertThat(reading.itemPoints()).isEqualTo(30);
        assertThat(reading.records()).singleElement()
                .satisfies(r -> assertThat(r.period()).isEqualTo(YearMonth.of(2026, 8)));
    }

    @Test
    void lateEntryCountsInTheMonthOfItsRealDate() {
        ItemAdoptions item = Fixtures.receivedItem("X");
        // entered on 2026-11-28 for an adoption published on 2026-03-05 (补录)
        item.record("late", Fixtures.cityBulletin(LocalDate.of(2026, 3, 5), "2026年第9期"), ROOM, NOW, TODAY);

        ItemReading reading = ItemReading.of(item, table);

        assertThat(reading.records()).singleElement().satisfies(r -> {
            assertThat(r.period()).isEqualTo(YearMonth.of(2026, 3));
            assertThat(r.addedPoints()).isEqualTo(20);
        });
        assertThat(item.find("late").orElseThrow().lateEntry(java.time.ZoneId.of("Asia/Shanghai"))).isTrue();
    }

    @Test
    void equalRecordsLetTheEarlierOneCount() {
        ItemAdoptions item = Fixtures.receivedItem("X");
        item.record("later", Fixtures.instruction(AdoptionKind.CITY_LEADER_INSTRUCTION, LocalDate.of(2026, 9, 1),
                null), ROOM, NOW, TODAY);
        item.record("earlier", Fixtures.cityBulletin(LocalDate.of(2026, 7, 1), "2026年第28期"), ROOM, NOW, TODAY);

        ItemReading reading = ItemReading.of(item, table);

        assertThat(reading.countingRecordId()).isEqualTo("earlier");
        assertThat(reading.itemPoints()).isEqualTo(20);
    }
}
