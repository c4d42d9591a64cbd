package cn.gov.eqq.govinfo.intake.item.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemValidationTest {

    private static ItemContent problem(String countermeasures) {
        ItemContent c = dynamicNews();
        return new ItemContent("牧区饮水工程进度滞后", "部分嘎查饮水工程进度滞后。", Category.COMPREHENSIVE, c.topics(),
                c.eventDate(), c.reporterName(), c.contactPhone(), Polarity.PROBLEM, false, false, countermeasures,
                null, List.of());
    }

    @Test
    void completeItemPasses() {
        assertThat(ItemValidation.forSubmission(dynamicNews())).isEmpty();
    }

    @Test
    void problemPolarityNeedsCountermeasures() {
        assertThat(ItemValidation.forSubmission(problem(null)))
                .containsExactly(new Violation("countermeasures", "问题类（报忧）信息必须填写对策建议"));
        assertThat(ItemValidation.forSubmission(problem("建议统筹资金，倒排工期。"))).isEmpty();
    }

    @Test
    void problemCategoryNeedsCountermeasuresEvenWhenMarkedGoodNews() {
        ItemContent c = dynamicNews();
        ItemContent problemCategory = new ItemContent(c.title(), c.body(), Category.PROBLEM, c.topics(), c.eventDate(),
                c.reporterName(), c.contactPhone(), Polarity.GOOD_NEWS, false, false, " ", null, List.of());
        assertThat(ItemValidation.forSubmission(problemCategory)).extracting(Violation::field)
                .containsExactly("countermeasures");
    }

    @Test
    void emptySubmissionNamesEveryMissingFieldInChinese() {
        ItemContent empty = new ItemContent(null, null, null, null, null, null, null, null, false, false, null, null,
                null);
        assertThat(ItemValidation.forSubmission(empty)).extracting(Violation::field)
                .containsExactly("title", "body", "category", "polarity", "reporterName", "contactPhone");
        assertThat(ItemValidation.forSubmission(empty)).extracting(Violation::message)
                .contains("标题不能为空", "正文不能为空", "报送人不能为空", "联系电话不能为空");
    }

    @Test
    void draftNeedsOnlyATitle() {
        ItemContent titleOnly = new ItemContent("草稿标题", null, null, null, null, null, null, null, false, false,
                null, null, null);
        assertThat(ItemValidation.forDraft(titleOnly)).isEmpty();
        assertThatThrownBy(() -> Item.draft("x", REPORTER_A, retitled(titleOnly, "  "), T0))
                .isInstanceOf(ItemRuleException.class).hasMessageContaining("标题不能为空");
    }

    @Test
    void incompleteDraftCannotBeSubmitted() {
        ItemContent titleOnly = new ItemContent("草稿标题", null, null, null, null, null, null, null, false, false,
                null, null, null);
        Item draft = Item.draft("x", REPORTER_A, titleOnly, T0);
        assertThatThrownBy(() -> draft.submit(REPORTER_A, T0)).isInstanceOfSatisfying(ItemRuleException.class, e -> {
            assertThat(e.kind()).isEqualTo(ItemRuleException.Kind.INVALID);
            assertThat(e.violations()).extracting(Violation::field).contains("body", "category");
            assertThat(e.getMessage()).startsWith("信息内容不完整或有误：正文不能为空");
        });
    }

    @Test
    void phoneMustLookLikeAPhoneNumber() {
        ItemContent c = dynamicNews();
        for (String good : List.of("7622029", "0477-7622029", "13912345678", "04777622029")) {
            ItemContent ok = new ItemContent(c.title(), c.body(), c.category(), c.topics(), c.eventDate(),
                    c.reporterName(), good, c.polarity(), false, false, null, null, List.of());
            assertThat(ItemValidation.forSubmission(ok)).as(good).isEmpty();
        }
        ItemContent bad = new ItemContent(c.title(), c.body(), c.category(), c.topics(), c.eventDate(),
                c.reporterName(), "电话见邮件", c.polarity(), false, false, null, null, List.of());
        assertThat(ItemValidation.forSubmission(bad)).extracting(Violation::field).containsExactly("contactPhone");
    }

    @Test
    void titleLongerThanAHundredCharactersIsRefused() {
        ItemContent longTitle = retitled(dynamicNews(), "政".repeat(101));
        assertThat(ItemValidation.forDraft(longTitle))
                .containsExactly(new Violation("title", "标题不能超过100字"));
    }
}
