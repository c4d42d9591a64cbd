package cn.gov.eqq.govinfo.intake.item.adapter.out.mongo;

import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.ComparableText;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.item.domain.Polarity;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The near-duplicate check's stream from the items collection (real driver, Mongo test server): exactly the items
 * submitted, received or returned since the instant, with the draft's title and body, across cursor batches.
 */
class SubmittedTextStreamTest extends IntakeIntegrationTest {

    // far from the other tests' items, which are submitted at the real clock's time
    private static final Instant SINCE = Instant.parse("2090-01-01T00:00:00Z");
    private static final Actor ROOM = new Actor("room", "王菁", null, Set.of(Role.INFO_ROOM));

    @Autowired
    ItemStore store;

    private final String unit = "UT-" + UUID.randomUUID();
    private final Actor reporter = new Actor("rep-t", "张信息员", unit, Set.of(Role.REPORTER));

    private ItemContent content(String title, String body, boolean majorEvent) {
        return new ItemContent(title, body, Category.DYNAMIC, List.of(), LocalDate.of(2090, 1, 1), "张信息员",
                "0477-7622029", Polarity.GOOD_NEWS, majorEvent, false, majorEvent ? "建议加强调度。" : null, null,
                List.of());
    }

    private Item draft(String title, String body, Instant at) {
        return Item.draft(unit + "-" + UUID.randomUUID(), reporter, content(title, body, false), at);
    }

    private Item submitted(String title, String body, Instant at) {
        return draft(title, body, at).submit(reporter, at).item();
    }

    private Item saved(Item item) {
        store.insert(item, List.of());
        return item;
    }

    private List<ComparableText> streamedOfThisTest(Instant since) {
        List<ComparableText> seen = new ArrayList<>();
        store.forEachSubmittedTextSince(since, t -> {
            if (unit.equals(t.unitId())) {
                seen.add(t);
            }
        });
        return seen;
    }

    @Test
    void itemsSubmittedReceivedOrReturnedSinceTheInstantAreStreamedWithTheirDraftText() {
        Instant at = SINCE.plusSeconds(3600);
        Item submitted = saved(submitted("城川镇部署春季防火工作", "城川镇召开春季防火工作部署会。", at));
        Item received = saved(submitted("昂素镇检查防火物资", "昂素镇开展春季防火物资储备检查。", at).receive(ROOM, at).item());
        Item returned = submitted("教体局开展防溺水教育", "旗教体局组织开展防溺水安全教育活动。", at)
                .returnForRevision(ROOM, "请补充数据", at).item();
        // a returned item being revised: the check compares the draft the unit is writing, as before
        Item revised = saved(returned.revise(reporter, content("教体局开展防溺水教育（修改）", "补充了覆盖学校数。", false),
                at.plusSeconds(60)));
        saved(submitted("已作废的信息", "作废的正文。", at).voidItem(ROOM, "重复", at).item());
        saved(draft("从未报送的草稿", "草稿正文。", at));
        saved(Item.draft(unit + "-major", reporter, content("重大事项待签批", "待领导签批的正文。", true), at)
                .submit(reporter, at).item());
        saved(submitted("窗口之前报送的信息", "太早的正文。", SINCE.minusSeconds(1)));

        assertThat(streamedOfThisTest(SINCE)).containsExactlyInAnyOrder(
                new ComparableText(submitted.id(), unit, "城川镇部署春季防火工作", "城川镇召开春季防火工作部署会。",
                        ItemStatus.SUBMITTED),
                new ComparableText(received.id(), unit, "昂素镇检查防火物资", "昂素镇开展春季防火物资储备检查。",
                        ItemStatus.RECEIVED),
                new ComparableText(revised.id(), unit, "教体局开展防溺水教育（修改）", "补充了覆盖学校数。",
                        ItemStatus.RETURNED));
        assertThat(streamedOfThisTest(at.plusSeconds(1))).isEmpty();
    }

    @Test
    void moreItemsThanOneCursorBatchAreAllStreamedOnce() {
        int count = MongoItemStore.TEXT_BATCH * 2 + 7;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(saved(submitted("第" + i + "条信息", "正文" + i, SINCE.plusSeconds(i))).id());
        }

        assertThat(streamedOfThisTest(SINCE)).extracting(ComparableText::itemId).containsExactlyInAnyOrderElementsOf(ids);
    }
}
