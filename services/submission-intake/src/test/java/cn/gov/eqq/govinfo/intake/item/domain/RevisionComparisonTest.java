package cn.gov.eqq.govinfo.intake.item.domain;

import org.junit.jupiter.api.Test;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.dynamicNews;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.retitled;
import static org.assertj.core.api.Assertions.assertThat;

class RevisionComparisonTest {

    @Test
    void showsOnlyTheFieldsTheUnitChanged() {
        ItemContent before = dynamicNews();
        ItemContent after = retitled(before, "新标题");

        assertThat(RevisionComparison.between(before, after)).containsExactly(
                new RevisionComparison.FieldChange("title", "标题", before.title(), "新标题"));
    }

    @Test
    void identicalRevisionsHaveNoDifferences() {
        assertThat(RevisionComparison.between(dynamicNews(), dynamicNews())).isEmpty();
    }
}
