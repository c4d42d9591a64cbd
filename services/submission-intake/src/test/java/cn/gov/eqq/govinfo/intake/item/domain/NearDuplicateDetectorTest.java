package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicateDetectorTest {

    private static final String FIRE_U003 = "城川镇召开2026年春季防火工作部署会。会议要求各嘎查村加强巡查，严防野外用火，"
            + "落实网格化管理责任，确保草原森林防火安全。";
    private static final String FIRE_RETOLD = "4月2日，城川镇召开春季防火工作部署会，要求各嘎查村加强巡查、严防野外用火，"
            + "落实网格化管理责任，确保全镇草原森林防火安全形势稳定。";
    private static final String FIRE_OTHER_TOWN = "昂素镇开展春季防火物资储备检查，对12个嘎查的灭火器、风力灭火机和防火隔离带"
            + "进行了逐一核查，发现问题3处并当场整改。";
    private static final String SWIMMING = "旗教体局组织开展中小学生暑期防溺水安全教育活动，覆盖全旗32所学校，"
            + "发放《致家长的一封信》1.2万份。";

    private final NearDuplicateDetector detector = new NearDuplicateDetector(0.6);

    private static Item sent(String id, String unit, String title, String body) {
        Actor reporter = new Actor("rep-" + unit, null, unit, Set.of(Role.REPORTER));
        ItemContent c = new ItemContent(title, body, Category.DYNAMIC, List.of(), null, "信息员", "7622029",
                Polarity.GOOD_NEWS, false, false, null, null, List.of());
        return Item.draft(id, reporter, c, T0).submit(reporter, T0).item();
    }

    @Test
    void retoldReportOfTheSameMeetingIsFlaggedWithTheSimilarItem() {
        Item original = sent("a", "U003", "城川镇部署春季防火工作", FIRE_U003);
        Item retold = sent("b", "U028", "城川镇召开春季防火工作部署会", FIRE_RETOLD);

        assertThat(detector.similarTo(retold, List.of(original)))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.itemId()).isEqualTo("a");
                    assertThat(s.unitId()).isEqualTo("U003");
                    assertThat(s.title()).isEqualTo("城川镇部署春季防火工作");
                    assertThat(s.similarity()).isGreaterThanOrEqualTo(0.6);
                });
    }

    @Test
    void sameTopicWithDifferentFactsIsNotFlagged() {
        Item original = sent("a", "U003", "城川镇部署春季防火工作", FIRE_U003);
        Item otherTown = sent("c", "U005", "昂素镇检查春季防火物资", FIRE_OTHER_TOWN);
        Item swimming = sent("d", "U007", "教体局开展防溺水教育", SWIMMING);

        assertThat(detector.similarTo(otherTown, List.of(original, swimming))).isEmpty();
        assertThat(NearDuplicateDetector.similarity(FIRE_U003, FIRE_OTHER_TOWN)).isLessThan(0.6);
        assertThat(NearDuplicateDetector.similarity(FIRE_U003, SWIMMING)).isLessThan(0.2);
    }

    @Test
    void punctuationAndSpacingDoNotHideADuplicate() {
        String respaced = FIRE_U003.replace("，", " ").replace("。", "! ");
        assertThat(NearDuplicateDetector.similarity(FIRE_U003, respaced)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theItemItselfAndVoidedItemsAreNotReported() {
        Item original = sent("a", "U003", "城川镇部署春季防火工作", FIRE_U003);
        Actor room = new Actor("room", null, null, Set.of(Role.INFO_ROOM));
        Item voided = sent("v", "U004", "城川镇部署春季防火工作", FIRE_U003).voidItem(room, "重复", T0).item();

        assertThat(detector.similarTo(original, List.of(original, voided))).isEmpty();
    }
}
