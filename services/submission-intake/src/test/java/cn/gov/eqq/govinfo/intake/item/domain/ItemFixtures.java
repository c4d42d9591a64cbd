package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** People and content used across the domain tests. */
final class ItemFixtures {

    static final Instant T0 = Instant.parse("2026-07-10T02:00:00Z");
    static final Actor REPORTER_A = new Actor("rep-a", "张信息员", "U006", Set.of(Role.REPORTER));
    static final Actor REPORTER_B = new Actor("rep-b", "李信息员", "U007", Set.of(Role.REPORTER));
    static final Actor LEADER_A = new Actor("lead-a", "王局长", "U006", Set.of(Role.UNIT_LEADER));
    static final Actor LEADER_B = new Actor("lead-b", "赵局长", "U007", Set.of(Role.UNIT_LEADER));
    static final Actor ROOM = new Actor("room-1", "王菁", null, Set.of(Role.INFO_ROOM));
    static final Actor VIEWER = new Actor("viewer-1", "旗领导", null, Set.of(Role.VIEWER));

    private ItemFixtures() {
    }

    static ItemContent dynamicNews() {
        return new ItemContent("我旗召开2026年政务信息工作推进会",
                "7月10日，我旗召开政务信息工作推进会，部署下半年信息报送工作。",
                Category.DYNAMIC, List.of(FocusTopic.DEEPENING_REFORM), LocalDate.of(2026, 7, 10),
                "张信息员", "0477-7622029", Polarity.GOOD_NEWS, false, false, null, null, List.of());
    }

    static ItemContent majorEvent() {
        ItemContent c = dynamicNews();
        return new ItemContent("城川镇突发暴雨致部分道路中断", "7月9日夜，城川镇遭遇强降雨，两条乡道中断。",
                Category.PROBLEM, List.of(FocusTopic.SOCIAL_GOVERNANCE), c.eventDate(), c.reporterName(),
                "13800000000", Polarity.PROBLEM, true, true, "建议尽快安排抢修资金并加强汛期巡查。", null, List.of());
    }

    static ItemContent retitled(ItemContent c, String title) {
        return new ItemContent(title, c.body(), c.category(), c.topics(), c.eventDate(), c.reporterName(),
                c.contactPhone(), c.polarity(), c.majorEvent(), c.majorEmergency(), c.countermeasures(),
                c.commissionId(), c.attachmentIds());
    }

    static Item draftOfA() {
        return Item.draft("item-1", REPORTER_A, dynamicNews(), T0);
    }

    static Item submittedOfA() {
        return draftOfA().submit(REPORTER_A, T0.plusSeconds(60)).item();
    }

    static Item receivedOfA() {
        return submittedOfA().receive(ROOM, T0.plusSeconds(3600)).item();
    }
}
