package cn.gov.eqq.govinfo.reporting.facts.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.reporting.facts.domain.AdoptionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.application.FactStore;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemScore;
import cn.gov.eqq.govinfo.reporting.facts.domain.UnitFact;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Reporting reads the golden ItemScored that scoring must produce, and keeps every line and reading of it. */
class ItemScoredGoldenFileTest {

    private final List<ItemScore> kept = new ArrayList<>();
    private final FactListeners listeners = new FactListeners(new EventCodec(), new FactStore() {
        @Override
        public void updateUnit(String id, String eventId, UnitFact initial, UnaryOperator<UnitFact> change) {
        }

        @Override
        public void updateItem(String id, String eventId, ItemFact initial, UnaryOperator<ItemFact> change) {
        }

        @Override
        public void updateAdoption(String id, String eventId, AdoptionFact initial,
                                   UnaryOperator<AdoptionFact> change) {
        }

        @Override
        public void updateCommission(String id, String eventId, CommissionFact initial,
                                     UnaryOperator<CommissionFact> change) {
        }

        @Override
        public void keepItemScore(ItemScore score) {
            kept.add(score);
        }

        @Override
        public Facts all() {
            return new Facts(List.of(), List.of(), List.of(), List.of(), kept);
        }

        @Override
        public long revision() {
            return kept.size();
        }
    });

    @Test
    void theGoldenItemScoreIsKeptWithItsLinesExplanationsAndReadings() throws IOException {
        String golden = new ClassPathResource("golden/" + Topics.ITEM_SCORES + "/ItemScored.v1.json")
                .getContentAsString(StandardCharsets.UTF_8);

        listeners.onItemScore(golden);

        assertThat(kept).hasSize(1);
        ItemScore s = kept.get(0);
        assertThat(s.itemId()).isEqualTo("item-7f3a");
        assertThat(s.unitId()).isEqualTo("unit-07");
        assertThat(s.status()).isEqualTo("SCORED");
        assertThat(s.points()).isEqualTo(27);
        assertThat(s.scoreVersion()).isEqualTo(4);
        assertThat(s.lines()).extracting(ItemScore.Line::source, ItemScore.Line::month, ItemScore.Line::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SUBMISSION", "2026-03", 5),
                        org.assertj.core.groups.Tuple.tuple("FORWARD", "2026-03", 2),
                        org.assertj.core.groups.Tuple.tuple("ADOPTION", "2026-04", 20));
        assertThat(s.linesIn(ItemScore.ADOPTION, List.of("2026-04")).get(0).explanation())
                .isEqualTo("《我旗多措并举推进春耕备耕》被市政府办公室《鄂尔多斯政讯》采用（2026年第15期），按最高积分计 +20");
        assertThat(s.adoptions()).containsExactly(
                new ItemScore.Reading("rec-31", "CITY_BULLETIN_ADOPTED", "市政府办公室《鄂尔多斯政讯》采用",
                        LocalDate.parse("2026-04-15"), 20, true, 20, "按最高积分计算，本信息计 20 分"),
                new ItemScore.Reading("rec-32", "CITY_LEADER_INSTRUCTION", "市政府领导批示",
                        LocalDate.parse("2026-04-18"), 20, false, 0, "不高于本信息已有的最高记录，不另计分"));
    }
}
