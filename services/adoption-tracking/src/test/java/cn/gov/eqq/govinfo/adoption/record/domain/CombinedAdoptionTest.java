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
    void everySourceGetsItsOwnRecordAtItsPlaceInTheListedOrder() {
        CombinedAdoption combined = CombinedAdoption.plan("C1", regionBrief, List.of("A", "B", "C"), ROOM, NOW);

        assertThat(combined.sources()).extracting(CombinedAdoption.SourceCredit::itemId,
                        CombinedAdoption.SourceCredit::recordId, combined::positionOf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", "C1.1", 0),
                        org.assertj.core.groups.Tuple.tuple("B", "C1.2", 1),
                        org.assertj.core.groups.Tuple.tuple("C", "C1.3", 2));
    }

    @Test
    void aSourceRecordSaysItsPlaceAndIsCreditedLikeAnyRecordForScoringToDecide() {
        ItemAdoptions b = Fixtures.receivedItem("B");

        b.recordCombinedSource("C2.2", "C2", 1, regionBrief, ROOM, NOW, TODAY);

        assertThat(b.records()).singleElement().satisfies(r -> {
            assertThat(r.combinedRecordId()).isEqualTo("C2");
            assertThat(r.combinedPosition()).isEqualTo(1);
            assertThat(r.credited()).isTrue();
        });
    }

    @Test
    void combinedAdoptionNeedsTwoDistinctSources() {
        assertThatThrownBy(() -> CombinedAdoption.plan("C", regionBrief, List.of("A"), ROOM, NOW))
                .hasMessage("综合采用至少需要两条不同的来源信息");
        assertThatThrownBy(() -> CombinedAdoption.plan("C", regionBrief, List.of("A", "B", "A"), ROOM, NOW))
                .hasMessage("来源信息重复或为空");
    }

    @Test
    void applyingACombinedAdoptionTwiceToAnItemAddsNothing() {
        ItemAdoptions a = Fixtures.receivedItem("A");

        assertThat(a.recordCombinedSource("C1.1", "C1", 0, regionBrief, ROOM, NOW, TODAY)).isPresent();
        assertThat(a.recordCombinedSource("C1.1", "C1", 0, regionBrief, ROOM, NOW, TODAY)).isEmpty();
        assertThat(a.records()).singleElement()
                .satisfies(r -> {
                    assertThat(r.combinedRecordId()).isEqualTo("C1");
                    assertThat(r.origin()).isEqualTo(RecordOrigin.COMBINED);
                });
    }

    @Test
    void combinedRecordKeepsItsKindWhenCorrected() {
        ItemAdoptions a = Fixtures.receivedItem("A");
        a.recordCombinedSource("C1.1", "C1", 0, regionBrief, ROOM, NOW, TODAY);

        assertThatThrownBy(() -> a.correct("C1.1", Fixtures.cityBulletin(LocalDate.of(2026, 9, 8), "第1期"), "改类型",
                ROOM, NOW, TODAY)).hasMessageContaining("不能更改类型");
    }
}
