package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.scoring.rules.domain.ItemFact;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring reads every golden event of the topics it consumes, and takes the facts it needs from them. */
class GoldenEventsTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyGoldenEventOfTheConsumedTopicsIsReadAndMapped() throws IOException {
        Map<String, Optional<ItemFact>> byType = new TreeMap<>();
        for (String topic : List.of(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS)) {
            for (Resource r : golden(topic)) {
                EventEnvelope<?> e = codec.decode(r.getContentAsString(StandardCharsets.UTF_8));
                byType.put(e.type(), EventTranslation.factOf(e));
            }
        }

        assertThat(byType.keySet()).contains("UnitChanged", "ItemReceived", "ItemVoided", "ItemForwardedToCity",
                "AdoptionRecorded", "AdoptionCorrected", "AdoptionWithdrawn", "CommissionAnswerJudged");
        List<String> scored = new ArrayList<>();
        byType.forEach((type, fact) -> fact.ifPresent(f -> scored.add(type)));
        assertThat(scored).containsExactlyInAnyOrder("ItemReceived", "ItemCorrected", "ItemVoided",
                "ItemForwardedToCity",
                "AdoptionRecorded", "AdoptionCorrected", "AdoptionWithdrawn", "CommissionAnswered",
                "CommissionAnswerJudged", "CommissionAnswerVoided");
        assertThat(byType.get("CommissionAnswered")).get().isInstanceOfSatisfying(ItemFact.CommissionAnswer.class,
                a -> assertThat(a.revision()).isPositive());
        assertThat(byType.get("ItemReceived")).get().isInstanceOfSatisfying(ItemFact.Received.class, r -> {
            assertThat(r.category()).isEqualTo("DYNAMIC");
            assertThat(r.submittedAt()).isEqualTo(Instant.parse("2026-07-10T02:30:00Z"));
            assertThat(r.unitId()).isEqualTo("U006");
        });
        assertThat(byType.get("ItemCorrected")).get().isInstanceOfSatisfying(ItemFact.Corrected.class, c -> {
            assertThat(c.category()).isEqualTo("PROBLEM");
            assertThat(c.revision()).isEqualTo(1);
            assertThat(c.correctedAt()).isEqualTo(Instant.parse("2026-07-12T06:20:00Z"));
        });
        assertThat(byType.get("AdoptionRecorded")).get().isInstanceOfSatisfying(ItemFact.AdoptionState.class, a -> {
            assertThat(a.kind()).isEqualTo("CITY_BULLETIN_ADOPTED");
            assertThat(a.effectiveDate()).isEqualTo(LocalDate.of(2026, 7, 15));
            assertThat(a.recordId()).isEqualTo("ADR-7f3e9a2c");
        });
    }

    private static Resource[] golden(String topic) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:golden/" + topic + "/*.json");
    }
}
