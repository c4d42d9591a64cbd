package cn.gov.eqq.govinfo.adoption.record.application;

import cn.gov.eqq.govinfo.adoption.record.domain.ItemScore;
import cn.gov.eqq.govinfo.adoption.support.InMemoryItemScores;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemScoresUpdatingTest {

    private final InMemoryItemScores scores = new InMemoryItemScores();
    private final ItemScoresUpdating updating = new ItemScoresUpdating(scores);

    private static ItemScore scored(long version, int adoptionPoints) {
        return new ItemScore("I-1", ItemScore.SCORED, 1 + adoptionPoints, adoptionPoints, version,
                Instant.parse("2026-11-28T03:00:00Z"), List.of(new ItemScore.RecordScore("R-1",
                "市政府办公室《鄂尔多斯政讯》采用", 20, 20, true, adoptionPoints, "按最高积分计算")));
    }

    @Test
    void aFirstDecisionIsKept() {
        assertThat(updating.apply(scored(1, 20))).isTrue();

        assertThat(scores.find("I-1").orElseThrow()).isEqualTo(scored(1, 20));
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
