package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.adoption;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.bj;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.eventId;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.received;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.receivedEmergency;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.score;
import static cn.gov.eqq.govinfo.scoring.rules.domain.Facts.total;
import static org.assertj.core.api.Assertions.assertThat;

/** The room's corrections of an item's classification: the points follow the latest one, in the item's own month. */
class CorrectedItemScoringTest {

    private static ItemFact.Corrected corrected(String item, String unit, String category, boolean majorEmergency,
                                                String reason, String atBj) {
        return new ItemFact.Corrected(eventId(), item, unit, 1, category, false, majorEmergency, reason, bj(atBj));
    }

    @Test
    void dynamicItemCorrectedToProblemEarnsFivePointsInsteadOfOneAndSaysWhy() {
        assertThat(total(score("I1", received("I1", "U010", "DYNAMIC", "2026-07-10T09:00")))).isEqualTo(1);

        List<LedgerEntry> entries = score("I1", received("I1", "U010", "DYNAMIC", "2026-07-10T09:00"),
                corrected("I1", "U010", "PROBLEM", false, "反映问题并提出对策，应为问题信息", "2026-08-03T10:00"));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.points()).isEqualTo(5);
            assertThat(e.rule()).isEqualTo("category:PROBLEM");
            // it still counts in the month of its submission, not of the correction
            assertThat(e.month()).isEqualTo(ReportingPeriod.month(2026, 7));
            assertThat(e.explanation()).isEqualTo(
                    "《标题I1》（问题类）已被信息室接收，报送积分 +5（分类经信息室更正，理由：反映问题并提出对策，应为问题信息）");
        });
    }

    @Test
    void theLatestCorrectionCountsWhateverTheArrivalOrder() {
        List<ItemFact> facts = List.of(
                received("I2", "U010", "DYNAMIC", "2026-07-10T09:00"),
                corrected("I2", "U010", "PROBLEM", false, "应为问题信息", "2026-07-12T10:00"),
                corrected("I2", "U010", "RESEARCH_REPORT", false, "实为调研报告", "2026-07-20T10:00"));
        int[][] everyOrder = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : everyOrder) {
            ItemFact[] arrival = {facts.get(order[0]), facts.get(order[1]), facts.get(order[2])};
            assertThat(score("I2", arrival)).singleElement()
                    .satisfies(e -> assertThat(e.rule()).isEqualTo("category:RESEARCH_REPORT"));
        }
    }

    @Test
    void instructionStopsCountingOnceTheItemIsCorrectedToMajorEmergency() {
        ItemFact.AdoptionState instruction = adoption("E", "U023", "r1", "REGION_LEADER_INSTRUCTION", "2026-07-05");
        int before = total(score("E", received("E", "U023", "DYNAMIC", "2026-07-01T09:00"), instruction));

        List<LedgerEntry> after = score("E", received("E", "U023", "DYNAMIC", "2026-07-01T09:00"), instruction,
                corrected("E", "U023", "DYNAMIC", true, "属突发事件", "2026-07-06T09:00"));

        assertThat(before).isGreaterThan(1);
        assertThat(total(after)).isEqualTo(1);
        assertThat(after).filteredOn(e -> e.source() == PointSource.ADOPTION).singleElement()
                .satisfies(e -> assertThat(e.explanation()).contains("批示不计分"));
    }

    @Test
    void instructionCountsOnceTheRoomCorrectsAnItemToNotMajorEmergency() {
        ItemFact.AdoptionState instruction = adoption("E", "U023", "r1", "REGION_LEADER_INSTRUCTION", "2026-07-05");
        int asSent = total(score("E", receivedEmergency("E", "U023", "DYNAMIC", "2026-07-01T09:00"), instruction));

        int corrected = total(score("E", receivedEmergency("E", "U023", "DYNAMIC", "2026-07-01T09:00"), instruction,
                corrected("E", "U023", "DYNAMIC", false, "不属于重大紧急类", "2026-07-06T09:00")));

        assertThat(asSent).isEqualTo(1);
        assertThat(corrected).isGreaterThan(1);
    }

    @Test
    void aCorrectionArrivingBeforeTheReceiptIsKeptAndAppliesWhenItArrives() {
        ItemFacts early = ItemFacts.empty("I3")
                .with(corrected("I3", "U010", "PROBLEM", false, "应为问题信息", "2026-07-12T10:00"));
        assertThat(ItemScoring.score(early, Facts.SHIPPED)).isEmpty();

        ItemFacts both = early.with(received("I3", "U010", "BRIEF", "2026-07-10T09:00"));
        assertThat(ItemScoring.score(both, Facts.SHIPPED)).singleElement()
                .satisfies(e -> assertThat(e.points()).isEqualTo(5));
    }
}
