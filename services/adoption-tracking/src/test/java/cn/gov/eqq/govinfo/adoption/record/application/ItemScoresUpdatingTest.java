package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import cn.gov.eqq.govinfo.adoption.support.InMemoryItemScores;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemScoresUpdatingTest {

    private final InMemoryItemScores scores = new InMemoryItemScores();
    private final ItemScoresUpdating updating = new ItemScoresUpdating(scores);

    private static EventEnvelope<ItemScored> scored(long version, int adoptionPoints) {
        List<ItemScored.Line> lines = List.of(
                new ItemScored.Line("L-1", "2026-07", LocalDate.of(2026, 7, 3), "SUBMISSION", "category:DYNAMIC", 1,
                        "动态类信息 1 分", "2022-07-06"),
                new ItemScored.Line("L-2", "2026-07", LocalDate.of(2026, 7, 15), "ADOPTION",
                        "adoption:CITY_BULLETIN_ADOPTED", adoptionPoints, "按最高积分计算", "2022-07-06"));
        return EventEnvelope.wrap(new ItemScored("I-1", "U006", "标题", "DYNAMIC", "动态类", false, false, "SCORED",
                1 + adoptionPoints, lines, List.of(new ItemScored.AdoptionReading("R-1", "CITY_BULLETIN_ADOPTED",
                "市政府办公室《鄂尔多斯政讯》采用", LocalDate.of(2026, 7, 15), 20, 20, true, adoptionPoints,
                "按最高积分计算，本信息计 20 分")), version, Instant.parse("2026-11-28T03:00:00Z")),
                "scoring", Instant.parse("2026-11-28T03:00:00Z"));
    }

    @Test
    void theItemsAdoptionPointsAreItsAdoptionLedgerLinesAndEachReadingIsKeptByRecord() {
        assertThat(updating.apply(scored(1, 20))).isTrue();

        ItemScore held = scores.find("I-1").orElseThrow();
        assertThat(held.points()).isEqualTo(21);
        assertThat(held.adoptionPoints()).isEqualTo(20);
        assertThat(held.scoreVersion()).isEqualTo(1);
        assertThat(held.recordScore("R-1").orElseThrow().explanation()).isEqualTo("按最高积分计算，本信息计 20 分");
    }

    @Test
    void anOlderOrRedeliveredDecisionDoesNotReplaceANewerOne() {
        updating.apply(scored(3, 30));

        assertThat(updating.apply(scored(2, 20))).isFalse();
        assertThat(updating.apply(scored(3, 20))).isFalse();

        assertThat(scores.find("I-1").orElseThrow().adoptionPoints()).isEqualTo(30);
        assertThat(updating.apply(scored(4, 20))).isTrue();
        assertThat(scores.find("I-1").orElseThrow().adoptionPoints()).isEqualTo(20);
    }
}
