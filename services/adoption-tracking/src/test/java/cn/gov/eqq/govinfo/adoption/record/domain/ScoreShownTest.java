package cn.gov.eqq.govinfo.adoption.record.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.NOW;
import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.ROOM;
import static cn.gov.eqq.govinfo.adoption.record.domain.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class ScoreShownTest {

    private final ItemAdoptions item = Fixtures.receivedItem("I-1");
    private final AdoptionRecord bulletin = item.record("R-1", Fixtures.cityBulletin(LocalDate.of(2026, 7, 15),
            "2026年第15期"), ROOM, NOW, TODAY).record();

    private static ItemScore scored(long version, ItemScore.RecordScore... records) {
        return new ItemScore("I-1", ItemScore.SCORED, 21, 20, version, Instant.parse("2026-11-28T03:00:00Z"),
                List.of(records));
    }

    @Test
    void beforeScoringHasPublishedTheItemNoNumberIsShownOnlyThatItIsPending() {
        ScoreShown.ItemPoints itemPoints = ScoreShown.of(Optional.empty());
        ScoreShown.RecordPoints recordPoints = ScoreShown.of(bulletin, Optional.empty());

        assertThat(itemPoints.adoptionPoints()).isNull();
        assertThat(itemPoints.points()).isNull();
        assertThat(itemPoints.note()).isEqualTo("积分待计算：积分部门尚未计算本信息");
        assertThat(recordPoints.scored()).isFalse();
        assertThat(recordPoints.kindPoints()).isNull();
        assertThat(recordPoints.addedPoints()).isNull();
        assertThat(recordPoints.explanation()).isEqualTo("积分待计算：积分部门尚未计算本信息");
    }

    @Test
    void scoringsReadingOfARecordIsShownAsItWroteIt() {
        ItemScore score = scored(2, new ItemScore.RecordScore("R-1", "市政府办公室《鄂尔多斯政讯》采用", 20, 20, true, 20,
                "按最高积分计算，本信息计 20 分"));

        ScoreShown.ItemPoints itemPoints = ScoreShown.of(Optional.of(score));
        ScoreShown.RecordPoints recordPoints = ScoreShown.of(bulletin, Optional.of(score));

        assertThat(itemPoints).isEqualTo(new ScoreShown.ItemPoints(21, 20, "SCORED", "R-1", 2L, null));
        assertThat(recordPoints).isEqualTo(new ScoreShown.RecordPoints(true, "市政府办公室《鄂尔多斯政讯》采用", 20, 20,
                true, 20, "按最高积分计算，本信息计 20 分"));
    }

    @Test
    void aRecordScoringHasNotReadYetIsPendingWhileTheItemShowsScoringsNumbers() {
        ScoreShown.RecordPoints recordPoints = ScoreShown.of(bulletin, Optional.of(scored(1)));

        assertThat(recordPoints.scored()).isFalse();
        assertThat(recordPoints.countable()).isNull();
        assertThat(recordPoints.explanation()).isEqualTo("积分待计算：积分部门尚未计入本记录");
    }

    @Test
    void aSourceStoredAsUncreditedUnderTheFormerLeadOnlySettingSaysItWasNeverScored() {
        AdoptionRecord legacy = new AdoptionRecord("CMB-1.2", "I-1", RecordOrigin.COMBINED, "CMB-1", null, false,
                null, bulletin.versions(), List.of(), null);

        ScoreShown.RecordPoints recordPoints = ScoreShown.of(legacy, Optional.of(scored(4)));

        assertThat(recordPoints.scored()).isFalse();
        assertThat(recordPoints.countable()).isZero();
        assertThat(recordPoints.explanation()).contains("仅首条来源信息计分", "未报积分部门");
    }

    @Test
    void aVoidedItemSaysItCountsNothing() {
        ItemScore voided = new ItemScore("I-1", ItemScore.VOIDED, 0, 0, 5, NOW, List.of());

        assertThat(ScoreShown.of(Optional.of(voided)).note()).isEqualTo("本信息已作废，不计分");
    }

    @Test
    void onlyANewerDecisionSupersedesTheOneHeld() {
        ItemScore held = scored(3);

        assertThat(scored(4).supersedes(Optional.of(held))).isTrue();
        assertThat(scored(3).supersedes(Optional.of(held))).isFalse();
        assertThat(scored(2).supersedes(Optional.of(held))).isFalse();
        assertThat(scored(1).supersedes(Optional.empty())).isTrue();
    }
}
