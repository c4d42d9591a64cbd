package cn.gov.eqq.govinfo.adoption.record.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.NOW;
import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.ROOM;
import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CombinedAdoptionTest {

    private final RecordContent regionBrief = Fixtures.contentOf(AdoptionKind.REGION_DAILY_BRIEF_ADOPTED,
            LocalDate.of(2026, 9, 8));

    @Test
    void fullCreditPolicyCreditsEverySourceItemWithTheFullPoints() {
        CombinedAdoption combined = CombinedAdoption.plan("C1", regionBrief, List.of("A", "B", "C"),
                CombinedCreditPolicy.fullCredit(), ROOM, NOW);

        assertThat(combined.sources()).extracting(CombinedAdoption.SourceCredit::itemId,
                        CombinedAdoption.SourceCredit::recordId, CombinedAdoption.SourceCredit::credited)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", "C1.1", true),
                        org.assertj.core.groups.Tuple.tuple("B", "C1.2", true),
                        org.assertj.core.groups.Tuple.tuple("C", "C1.3", true));

        KindPointsTable table = Fixtures.shippedTable();
        for (CombinedAdoption.SourceCredit s : combined.sources()) {
            ItemAdoptions item = Fixtures.receivedItem(s.itemId());
            item.recordCombinedSource(s.recordId(), "C1", s.credited(), regionBrief, ROOM, NOW, TODAY);
            assertThat(ItemReading.of(item, table).itemPoints()).isEqualTo(30);
        }
    }

    @Test
    void leadOnlyPolicyCreditsTheFirstSourceAndRecordsTheOthersWithoutPoints() {
        CombinedAdoption combined = CombinedAdoption.plan("C2", regionBrief, List.of("A", "B"),
                new CombinedCreditPolicy(CombinedCreditPolicy.Mode.LEAD_ONLY), ROOM, NOW);
        ItemAdoptions b = Fixtures.receivedItem("B");
        CombinedAdoption.SourceCredit second = combined.sources().get(1);
        b.recordCombinedSource(second.recordId(), "C2", second.credited(), regionBrief, ROOM, NOW, TODAY);

        ItemReading reading = ItemReading.of(b, Fixtures.shippedTable());

        assertThat(combined.sources().get(0).credited()).isTrue();
        assertThat(reading.itemPoints()).isZero();
        assertThat(reading.records()).singleElement()
                .satisfies(r -> assertThat(r.explanation()).contains("综合采用"));
    }

    @Test
    void combinedAdoptionNeedsTwoDistinctSources() {
        assertThatThrownBy(() -> CombinedAdoption.plan("C", regionBrief, List.of("A"),
                CombinedCreditPolicy.fullCredit(), ROOM, NOW)).hasMessage("综合采用至少需要两条不同的来源信息");
        assertThatThrownBy(() -> CombinedAdoption.plan("C", regionBrief, List.of("A", "B", "A"),
                CombinedCreditPolicy.fullCredit(), ROOM, NOW)).hasMessage("来源信息重复或为空");
    }

    @Test
    void applyingACombinedAdoptionTwiceToAnItemAddsNothing() {
        ItemAdoptions a = Fixtures.receivedItem("A");

        assertThat(a.recordCombinedSource("C1.1", "C1", true, regionBrief, ROOM, NOW, TODAY)).isPresent();
        assertThat(a.recordCombinedSource("C1.1", "C1", true, regionBrief, ROOM, NOW, TODAY)).isEmpty();
        assertThat(a.records()).singleElement()
                .satisfies(r -> {
                    assertThat(r.combinedRecordId()).isEqualTo("C1");
                    assertThat(r.origin()).isEqualTo(RecordOrigin.COMBINED);
                });
    }

    @Test
    void combinedRecordKeepsItsKindWhenCorrected() {
        ItemAdoptions a = Fixtures.receivedItem("A");
        a.recordCombinedSource("C1.1", "C1", true, regionBrief, ROOM, NOW, TODAY);

        assertThatThrownBy(() -> a.correct("C1.1", Fixtures.cityBulletin(LocalDate.of(2026, 9, 8), "第1期"), "改类型",
                ROOM, NOW, TODAY)).hasMessageContaining("不能更改类型");
    }
}
