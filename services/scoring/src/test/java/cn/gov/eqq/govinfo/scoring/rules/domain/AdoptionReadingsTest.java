package cn.gov.eqq.govinfo.scoring.rules.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.SHIPPED;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.adoption;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.bj;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.eventId;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.fold;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.received;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.receivedEmergency;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How each adoption or instruction record of an item is read — the reading scoring publishes with the item's score —
 * and that it always agrees with the item's ADOPTION ledger lines.
 */
class AdoptionReadingsTest {

    private static List<AdoptionReading> readings(ItemFacts facts) {
        return ItemScoring.readings(facts, SHIPPED);
    }

    /** The sum of the item's ADOPTION lines equals what the counting record may earn (0 when none counts). */
    private static void assertLinesAgreeWithReadings(ItemFacts facts) {
        int lines = ItemScoring.score(facts, SHIPPED).stream().filter(e -> e.source() == PointSource.ADOPTION)
                .mapToInt(LedgerEntry::points).sum();
        int counting = readings(facts).stream().filter(AdoptionReading::counts)
                .mapToInt(AdoptionReading::countable).sum();
        assertThat(lines).isEqualTo(counting);
    }

    @Test
    void aLaterHigherRecordCountsAndTheEarlierOneSaysItWasReplaced() {
        ItemFacts facts = fold("X", List.of(received("X", "U010", "DYNAMIC", "2026-07-01T09:00"),
                adoption("X", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-10"),
                adoption("X", "U010", "r2", "REGION_DAILY_BRIEF_ADOPTED", "2026-08-05"),
                adoption("X", "U010", "r3", "CITY_LEADER_INSTRUCTION", "2026-08-20")));

        assertThat(readings(facts)).containsExactly(
                new AdoptionReading("r1", "CITY_BULLETIN_ADOPTED", "市政府办公室《鄂尔多斯政讯》采用",
                        LocalDate.of(2026, 7, 10), 20, 20, false, 20, "当时为最高记录，在本月增加 20 分；后被更高记录取代"),
                new AdoptionReading("r2", "REGION_DAILY_BRIEF_ADOPTED", "自治区政府办公厅《每日要情》采用",
                        LocalDate.of(2026, 8, 5), 30, 30, true, 10, "按最高积分计算，本信息计 30 分"),
                new AdoptionReading("r3", "CITY_LEADER_INSTRUCTION", "市政府领导批示",
                        LocalDate.of(2026, 8, 20), 20, 20, false, 0, "不高于本信息已有的最高记录，不另计分"));
        assertLinesAgreeWithReadings(facts);
    }

    @Test
    void aWithdrawnRecordIsReadAsNeverRecordedAndSaysWhy() {
        ItemFacts facts = fold("X", List.of(received("X", "U010", "DYNAMIC", "2026-07-01T09:00"),
                adoption("X", "U010", "r1", "REGION_DAILY_BRIEF_ADOPTED", "2026-07-10"),
                withdrawal("X", "r1", "2026-07-12T09:00"),
                adoption("X", "U010", "r2", "CITY_BULLETIN_ADOPTED", "2026-07-15")));

        assertThat(readings(facts)).extracting(AdoptionReading::recordId, AdoptionReading::kindPoints,
                        AdoptionReading::countable, AdoptionReading::counts, AdoptionReading::addedPoints,
                        AdoptionReading::explanation)
                .containsExactly(tuple("r1", 30, 0, false, 0, "已撤销（录入错误），视同未记录，不计分"),
                        tuple("r2", 20, 20, true, 20, "按最高积分计算，本信息计 20 分"));
        assertLinesAgreeWithReadings(facts);
    }

    @Test
    void anInstructionOnAMajorEmergencyItemIsOnlyRecorded() {
        ItemFacts facts = fold("X", List.of(receivedEmergency("X", "U010", "DYNAMIC", "2026-07-01T09:00"),
                adoption("X", "U010", "r1", "REGION_LEADER_INSTRUCTION", "2026-07-10")));

        assertThat(readings(facts)).singleElement().satisfies(r -> {
            assertThat(r.kindPoints()).isEqualTo(30);
            assertThat(r.countable()).isZero();
            assertThat(r.counts()).isFalse();
            assertThat(r.addedPoints()).isZero();
            assertThat(r.explanation())
                    .isEqualTo("重大紧急类信息的领导批示只作记录，不计分（被领导批示信息均为非重大紧急类信息）");
        });
        assertLinesAgreeWithReadings(facts);
    }

    @Test
    void recordsOfOneDateAreTakenInTheOrderTheyWereEntered() {
        // r9 entered first, r1 later, both worth 20 on the same day: the first entered counts
        ItemFacts facts = fold("X", List.of(received("X", "U010", "DYNAMIC", "2026-07-01T09:00"),
                entered("r9", "CITY_BULLETIN_ADOPTED", "2026-07-10", "2026-07-10T09:00"),
                entered("r1", "CITY_FORWARDED_TO_REGION", "2026-07-10", "2026-07-10T15:00")));

        assertThat(readings(facts)).extracting(AdoptionReading::recordId, AdoptionReading::counts,
                        AdoptionReading::addedPoints)
                .containsExactly(tuple("r9", true, 20), tuple("r1", false, 0));
        assertThat(ItemScoring.score(facts, SHIPPED)).filteredOn(e -> e.source() == PointSource.ADOPTION)
                .extracting(LedgerEntry::entryId, LedgerEntry::points)
                .containsExactly(tuple("X:adoption:r9", 20), tuple("X:adoption:r1", 0));
    }

    @Test
    void aRecordDatedBeforeTheFirstVersionEarnsNothing() {
        ItemFacts facts = fold("X", List.of(received("X", "U010", "DYNAMIC", "2026-07-01T09:00"),
                adoption("X", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2022-06-30")));

        assertThat(readings(facts)).singleElement().satisfies(r -> {
            assertThat(r.kindPoints()).isZero();
            assertThat(r.countable()).isZero();
            assertThat(r.kindLabel()).isNull();
            assertThat(r.explanation()).isEqualTo("日期早于第一个积分标准版本的施行日期，不计分");
        });
        assertLinesAgreeWithReadings(facts);
    }

    @Test
    void recordsOfAnItemNotYetReceivedAreReadAlready() {
        ItemFacts facts = fold("X", List.of(adoption("X", "U010", "r1", "CITY_BULLETIN_ADOPTED", "2026-07-10")));

        assertThat(ItemScoring.score(facts, SHIPPED)).isEmpty();
        assertThat(readings(facts)).extracting(AdoptionReading::countable, AdoptionReading::counts)
                .containsExactly(tuple(20, true));
    }

    static ItemFact.AdoptionState entered(String recordId, String kind, String date, String enteredBj) {
        return new ItemFact.AdoptionState(eventId(), "X", recordId, "U010", kind, null, null, null,
                LocalDate.parse(date), bj(enteredBj), null, null, bj(enteredBj));
    }
}
