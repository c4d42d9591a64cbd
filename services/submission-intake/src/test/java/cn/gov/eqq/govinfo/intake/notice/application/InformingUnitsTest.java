package cn.gov.eqq.govinfo.intake.notice.application;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.intake.item.application.HandlingItems;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.Polarity;
import cn.gov.eqq.govinfo.intake.notice.domain.UnitNotice;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The notices and read marks through the use case on the real items store and read marks (Mongo test server). */
class InformingUnitsTest extends IntakeIntegrationTest {

    private static final String ORIGIN = "10.0.0.9";

    @Autowired
    InformingUnits notices;
    @Autowired
    HandlingItems items;
    @Autowired
    MongoTemplate mongo;

    private final String unit = "UN-" + UUID.randomUUID();
    private final Actor reporter = new Actor("rep-n-" + UUID.randomUUID(), "张信息员", unit, Set.of(Role.REPORTER));
    private final Actor colleague = new Actor("rep2-n-" + UUID.randomUUID(), "李信息员", unit, Set.of(Role.REPORTER));
    private final Actor leader = new Actor("lead-n-" + UUID.randomUUID(), "王局长", unit, Set.of(Role.UNIT_LEADER));
    private final Actor room = new Actor("room-n", "王菁", null, Set.of(Role.INFO_ROOM));

    private ItemContent content(String title, boolean majorEvent) {
        return new ItemContent(title, "城川镇召开春季防火工作部署会，安排" + title + "。", Category.DYNAMIC, List.of(),
                LocalDate.of(2026, 7, 10), "张信息员", "0477-7622029", Polarity.GOOD_NEWS, majorEvent, false, null,
                null, List.of());
    }

    private List<UnitNotice.Kind> kinds(Actor reader) {
        return notices.noticesFor(reader, null, 50).notices().stream().map(n -> n.notice().kind()).toList();
    }

    @Test
    void theLeadersSendBackAndTheRoomsVoidReachTheUnitNewestFirstButNotWhatTheReaderDidThemself() {
        Item major = items.createDraft(reporter, content("防火部署", true));
        items.submit(reporter, major.id(), ORIGIN);
        items.sendBack(leader, new HandlingItems.SendBack(major.id(), "数据需核实。", ORIGIN));
        Item plain = items.submit(reporter, items.createDraft(reporter, content("春耕备耕", false)).id(), ORIGIN);
        items.voidItem(room, new HandlingItems.VoidItem(plain.id(), "重复报送。", ORIGIN));

        InformingUnits.Notices read = notices.noticesFor(reporter, null, 50);
        assertThat(read.notices()).extracting(n -> n.notice().text()).containsExactly(
                "信息室作废了《春耕备耕》", "单位领导王局长退回了《防火部署》，请修改后重新报送");
        assertThat(read.notices()).extracting(n -> n.notice().detail()).containsExactly("重复报送。", "数据需核实。");
        assertThat(read.unread()).isEqualTo(2);
        // the leader did the send-back: no news to them
        assertThat(kinds(leader)).containsExactly(UnitNotice.Kind.VOIDED);
    }

    @Test
    void aReadMarkHoldsForTheLoginOnlyNeverMovesBackAndNeverReachesIntoTheFuture() {
        Item plain = items.submit(reporter, items.createDraft(reporter, content("读标记", false)).id(), ORIGIN);
        items.receive(room, plain.id(), ORIGIN);

        Instant now = Instant.now();
        Instant marked = notices.markRead(reporter, now.plus(1, ChronoUnit.DAYS));
        assertThat(marked).isBeforeOrEqualTo(Instant.now());
        assertThat(notices.markRead(reporter, now.minus(1, ChronoUnit.DAYS))).isEqualTo(marked);

        assertThat(notices.noticesFor(reporter, null, 50).unread()).isZero();
        assertThat(notices.noticesFor(colleague, null, 50).unread()).isEqualTo(1);
    }

    @Test
    void trailsWrittenBeforeNoticesExistedAndOlderThanTheWindowReadAsTheyWere() {
        Item plain = items.submit(reporter, items.createDraft(reporter, content("旧的退回", false)).id(), ORIGIN);
        Instant longAgo = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        // a return written long ago, as the trail has always stored it (no byName then)
        mongo.getCollection("items").updateOne(new Document("_id", plain.id()), new Document("$push",
                new Document("audit", new Document("at", Date.from(longAgo)).append("by", "room-old")
                        .append("action", "RETURNED").append("revision", 1).append("reason", "旧意见"))));

        assertThat(kinds(reporter)).isEmpty();
        List<InformingUnits.ReadNotice> all = notices.noticesFor(reporter, longAgo, 50).notices();
        assertThat(all).extracting(n -> n.notice().detail()).containsExactly("旧意见");
        assertThat(all.get(0).notice().text()).isEqualTo("信息室退回了《旧的退回》，请修改后重新报送");
    }

    @Test
    void aDeletedDraftAndAWithdrawalAreNoNotice() {
        Item withdrawn = items.submit(reporter, items.createDraft(reporter, content("撤回的", false)).id(), ORIGIN);
        items.withdraw(reporter, withdrawn.id(), ORIGIN);
        items.deleteDraft(reporter, items.createDraft(reporter, content("删除的", false)).id(), ORIGIN);

        assertThat(kinds(colleague)).isEmpty();
    }
}
