package cn.gov.eqq.govinfo.adoption.record.adapter.in.kafka;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemScoredTranslationTest {

    private static final Instant AT = Instant.parse("2026-11-28T03:00:00Z");

    private static EventEnvelope<ItemScored> scored(long version, int adoptionPoints) {
        List<ItemScored.Line> lines = List.of(
                new ItemScored.Line("L-1", "2026-07", LocalDate.of(2026, 7, 3), "SUBMISSION", "category:DYNAMIC", 1,
                        "动态类信息 1 分", "2022-07-06"),
                new ItemScored.Line("L-2", "2026-07", LocalDate.of(2026, 7, 15), "ADOPTION",
                        "adoption:CITY_BULLETIN_ADOPTED", adoptionPoints, "按最高积分计算", "2022-07-06"));
        return EventEnvelope.wrap(new ItemScored("I-1", "U006", "标题", "DYNAMIC", "动态类", false, false, "SCORED",
                1 + adoptionPoints, lines, List.of(new ItemScored.AdoptionReading("R-1", "CITY_BULLETIN_ADOPTED",
                "市政府办公室《鄂尔多斯政讯》采用", LocalDate.of(2026, 7, 15), 20, 20, true, adoptionPoints,
                "按最高积分计算，本信息计 20 分")), version, AT), "scoring", AT);
    }

    @Test
    void theItemsAdoptionPointsAreItsAdoptionLedgerLinesAndEachReadingIsKeptByRecord() {
        ItemScore score = ItemScoredTranslation.of(scored(7, 20)).orElseThrow();

        assertThat(score.itemId()).isEqualTo("I-1");
        assertThat(score.status()).isEqualTo(ItemScore.SCORED);
        assertThat(score.points()).isEqualTo(21);
        assertThat(score.adoptionPoints()).isEqualTo(20);
        assertThat(score.scoreVersion()).isEqualTo(7);
        assertThat(score.scoredAt()).isEqualTo(AT);
        assertThat(score.records()).containsExactly(new ItemScore.RecordScore("R-1", "市政府办公室《鄂尔多斯政讯》采用",
                20, 20, true, 20, "按最高积分计算，本信息计 20 分"));
    }

    @Test
    void anEventThatIsNoItemScoreTranslatesToNothing() {
        EventEnvelope<UnitChanged> unit = EventEnvelope.wrap(new UnitChanged("U006", "发改委", 2, true, AT),
                "submission-intake", AT);

        assertThat(ItemScoredTranslation.of(unit)).isEmpty();
    }
}
