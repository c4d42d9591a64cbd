package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.intake.commission.application.CommissionDirectory;
import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.item.domain.NearDuplicateDetector;
import cn.gov.eqq.govinfo.intake.item.domain.Polarity;
import cn.gov.eqq.govinfo.intake.item.domain.Revision;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Undo where the rules allow it, and the leader's word, through the use cases on the real items store (Mongo test
 * server): withdrawing (撤回) and its race with the room's receive, deleting a draft never sent, the sign-off
 * opinion, and items the leader sent back — also as documents stored before these existed.
 */
class UndoingItemsTest extends IntakeIntegrationTest {

    private static final String ORIGIN = "10.0.0.8";

    @Autowired
    HandlingItems items;
    @Autowired
    ItemStore store;
    @Autowired
    CommissionDirectory commissions;
    @Autowired
    MongoTemplate mongo;

    /** A unit of its own per test, so that lists hold only this test's items. */
    private final String unit = "UT-" + UUID.randomUUID();
    private final Actor reporter = new Actor("rep-u", "张信息员", unit, Set.of(Role.REPORTER));
    private final Actor leader = new Actor("lead-u", "王局长", unit, Set.of(Role.UNIT_LEADER));
    private final Actor room = new Actor("room-u", "王菁", null, Set.of(Role.INFO_ROOM));

    private ItemContent content(String title, boolean majorEvent) {
        return new ItemContent(title, "城川镇召开春季防火工作部署会，安排" + title + "。", Category.DYNAMIC, List.of(),
                LocalDate.of(2026, 7, 10), "张信息员", "0477-7622029", Polarity.GOOD_NEWS, majorEvent, false, null,
                null, List.of());
    }

    private String submitted(String title) {
        Item draft = items.createDraft(reporter, content(title, false));
        return items.submit(reporter, draft.id(), ORIGIN).id();
    }

    private List<String> actions(String itemId) {
        return store.audit(itemId).stream().map(AuditEntry::action).toList();
    }

    @Test
    void aWithdrawnSubmissionIsADraftAgainWithItsRevisionOnRecordAndAnAuditLine() {
        String id = submitted("撤回的信息");

        Item withdrawn = items.withdraw(reporter, id, ORIGIN);

        assertThat(withdrawn.status()).isEqualTo(ItemStatus.DRAFT);
        Item stored = items.get(reporter, id);
        assertThat(stored.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(stored.revisions()).extracting(Revision::outcome).containsExactly(Revision.Outcome.WITHDRAWN);
        assertThat(actions(id)).containsExactly("SUBMITTED", "WITHDRAWN");
        assertThat(store.audit(id).get(1)).satisfies(a -> {
            assertThat(a.revision()).isEqualTo(1);
            assertThat(a.byName()).isEqualTo("张信息员");
            assertThat(a.origin()).isEqualTo(ORIGIN);
        });
        // out of the room's inbox, in the unit's list as a draft
        assertThat(items.search(room, search(null, null)).items()).isEmpty();
        assertThat(items.search(reporter, search(null, null)).items()).extracting(s -> s.item().status())
                .containsExactly(ItemStatus.DRAFT);
        // and sent again as the next revision
        assertThat(items.submit(reporter, id, ORIGIN).currentRevision()).get().extracting(Revision::number)
                .isEqualTo(2);
    }

    @Test
    void aMajorEventIsWithdrawnFromTheLeadersQueueBeforeTheLeaderActs() {
        Item draft = items.createDraft(reporter, content("重大事件撤回", true));
        items.submit(reporter, draft.id(), ORIGIN);
        assertThat(items.signOffQueue(leader, 0, 20).items()).hasSize(1);

        items.withdraw(reporter, draft.id(), ORIGIN);

        assertThat(items.signOffQueue(leader, 0, 20).items()).isEmpty();
        assertThat(actions(draft.id())).containsExactly("SIGN_OFF_REQUESTED", "WITHDRAWN");
        assertThat(store.audit(draft.id()).get(1).revision()).isNull();
        assertRefused(() -> items.signOff(leader, new HandlingItems.SignOff(draft.id(), null, ORIGIN)),
                "item.not-awaiting-sign-off", "该信息不在待签批状态");
    }

    @Test
    void withdrawingWhatTheRoomHasReceivedIsRefusedInChinese() {
        String id = submitted("已接收的信息");
        items.receive(room, id, ORIGIN);

        assertRefused(() -> items.withdraw(reporter, id, ORIGIN), "item.not-withdrawable",
                "信息室已接收该信息，不能撤回；如需修改请联系信息室");
        assertThat(items.get(room, id).status()).isEqualTo(ItemStatus.RECEIVED);
    }

    @Test
    void theRoomsReceiveAndTheUnitsWithdrawOnTheSameVersionExactlyOneWins() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            race(racers);
        } finally {
            racers.shutdownNow();
        }
    }

    private void race(ExecutorService racers) throws Exception {
        for (int round = 0; round < 6; round++) {
            String id = submitted("同时接收与撤回 " + round);
            CyclicBarrier bothLoaded = new CyclicBarrier(2);
            List<List<EventEnvelope<?>>> written = Collections.synchronizedList(new ArrayList<>());
            HandlingItems racing = new HandlingItems(writingAfter(bothLoaded, written), Clock.systemUTC(), () -> { },
                    new NearDuplicateDetector(0.6), Duration.ofDays(92), commissions);

            // two threads of their own: the common pool may have one on a small machine, and both must wait together
            CompletableFuture<Object> receive = CompletableFuture.supplyAsync(() -> outcome(
                    () -> racing.receive(room, id, ORIGIN)), racers);
            CompletableFuture<Object> withdraw = CompletableFuture.supplyAsync(() -> outcome(
                    () -> racing.withdraw(reporter, id, ORIGIN)), racers);
            Object received = receive.get(30, TimeUnit.SECONDS);
            Object withdrawn = withdraw.get(30, TimeUnit.SECONDS);

            List<Object> outcomes = List.of(received, withdrawn);
            assertThat(outcomes).filteredOn(o -> o instanceof Item).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof UseCaseFailure).singleElement()
                    .isInstanceOfSatisfying(UseCaseFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(UseCaseFailure.Kind.CONFLICT);
                        assertThat(f.code()).isEqualTo("item.concurrent-change");
                        assertThat(f.getMessage()).isEqualTo("该信息刚被他人修改，请刷新后重试");
                    });
            Item now = items.get(room, id);
            if (received instanceof Item) {
                assertThat(now.status()).isEqualTo(ItemStatus.RECEIVED);
                assertThat(actions(id)).containsExactly("SUBMITTED", "RECEIVED");
            } else {
                assertThat(now.status()).isEqualTo(ItemStatus.DRAFT);
                assertThat(now.receivedRevision()).isEmpty();
                assertThat(actions(id)).containsExactly("SUBMITTED", "WITHDRAWN");
            }
            // only the winner's write reached the outbox: nothing was received unless the receive won
            assertThat(written).hasSize(1);
            assertThat(written.get(0).stream().anyMatch(e -> e.payload() instanceof ItemReceived))
                    .isEqualTo(received instanceof Item);
        }
    }

    @Test
    void aWithdrawalPublishesNothingOnTheTopic() throws Exception {
        String id = submitted("撤回不发事件");
        List<List<EventEnvelope<?>>> written = Collections.synchronizedList(new ArrayList<>());
        HandlingItems recording = new HandlingItems(writingAfter(null, written), Clock.systemUTC(), () -> { },
                new NearDuplicateDetector(0.6), Duration.ofDays(92), commissions);

        recording.withdraw(reporter, id, ORIGIN);

        assertThat(written).singleElement().satisfies(events -> assertThat(events).isEmpty());
    }

    @Test
    void aDraftNeverSentIsDeletedOutOfEveryListAndReadByNobodyButItsTrailStays() {
        Item kept = items.createDraft(reporter, content("留下的草稿", false));
        Item draft = items.createDraft(reporter, content("要删除的草稿", false));

        items.deleteDraft(reporter, draft.id(), ORIGIN);

        assertThat(items.search(reporter, search(null, null)).items()).extracting(s -> s.item().id())
                .containsExactly(kept.id());
        assertThat(items.search(reporter, search(EnumSet.of(ItemStatus.DELETED), null)).items()).isEmpty();
        assertThat(items.search(room, search(null, null)).items()).isEmpty();
        for (Actor anyone : List.of(reporter, leader, room)) {
            assertThatThrownBy(() -> items.get(anyone, draft.id())).isInstanceOfSatisfying(UseCaseFailure.class,
                    f -> assertThat(f.code()).isEqualTo("item.not-found"));
        }
        assertThatThrownBy(() -> items.updateDraft(reporter, draft.id(), content("再改", false)))
                .isInstanceOfSatisfying(UseCaseFailure.class, f -> assertThat(f.code()).isEqualTo("item.not-found"));
        // the document and its trail stay: the room reads the line among all items' lines
        assertThat(store.find(draft.id())).get().extracting(s -> s.item().status()).isEqualTo(ItemStatus.DELETED);
        assertThat(items.audit(room, draft.id())).extracting(AuditEntry::action).containsExactly("DELETED");
    }

    @Test
    void aSubmittedOrWithdrawnItemIsAnOfficialRecordAndIsNotDeleted() {
        String submitted = submitted("报送过的信息");
        assertRefused(() -> items.deleteDraft(reporter, submitted, ORIGIN), "item.not-deletable",
                "只能删除草稿（当前状态：已报送）");
        items.withdraw(reporter, submitted, ORIGIN);
        assertRefused(() -> items.deleteDraft(reporter, submitted, ORIGIN), "item.not-deletable",
                "该信息已经报送过，是正式记录，不能删除");
        assertThat(items.get(reporter, submitted).status()).isEqualTo(ItemStatus.DRAFT);
    }

    @Test
    void theLeadersSignOffOpinionIsStoredWithTheRevisionAndInTheTrail() {
        Item draft = items.createDraft(reporter, content("重大事件签批", true));
        items.submit(reporter, draft.id(), ORIGIN);

        items.signOff(leader, new HandlingItems.SignOff(draft.id(), "同意报送，注意数据口径。", ORIGIN));

        Revision signed = items.get(room, draft.id()).currentRevision().orElseThrow();
        assertThat(signed.signedOffBy()).isEqualTo("lead-u");
        assertThat(signed.signOffOpinion()).isEqualTo("同意报送，注意数据口径。");
        assertThat(store.audit(draft.id())).filteredOn(a -> a.action().equals("SIGNED_OFF")).singleElement()
                .extracting(AuditEntry::reason).isEqualTo("同意报送，注意数据口径。");
    }

    @Test
    void anItemTheLeaderSentBackReadsAsSentBackInTheUnitsListUntilSubmittedAgain() {
        Item draft = items.createDraft(reporter, content("领导退回的信息", true));
        items.submit(reporter, draft.id(), ORIGIN);
        items.sendBack(leader, new HandlingItems.SendBack(draft.id(), "请与应急局核实伤亡数字", ORIGIN));
        items.updateDraft(reporter, draft.id(), content("领导退回的信息（已核实）", true));

        Item listed = items.search(reporter, search(null, null)).items().get(0).item();
        assertThat(listed.statusLabel()).isEqualTo("领导退回修改");
        assertThat(listed.signOffOpinion()).isEqualTo("请与应急局核实伤亡数字");

        items.submit(reporter, draft.id(), ORIGIN);
        assertThat(items.get(reporter, draft.id()).statusLabel()).isEqualTo("待领导签批");
    }

    @Test
    void itemsStoredBeforeUndoAndTheSignOffOpinionExistedStillRead() {
        // a sent-back item and a signed one, as the release before this one stored them: no withdrawn fields,
        // revisions without a sign-off opinion
        Item sentBackDraft = items.createDraft(reporter, content("旧版领导退回", true));
        items.submit(reporter, sentBackDraft.id(), ORIGIN);
        items.sendBack(leader, new HandlingItems.SendBack(sentBackDraft.id(), "旧的退回意见", ORIGIN));
        Item signedDraft = items.createDraft(reporter, content("旧版已签批", true));
        items.submit(reporter, signedDraft.id(), ORIGIN);
        items.signOff(leader, new HandlingItems.SignOff(signedDraft.id(), "旧的签批意见", ORIGIN));
        for (String id : List.of(sentBackDraft.id(), signedDraft.id())) {
            Document raw = mongo.findById(id, Document.class, "items");
            Document item = raw.get("item", Document.class);
            item.remove("withdrawnBy");
            item.remove("withdrawnAt");
            item.getList("revisions", Document.class, List.of()).forEach(r -> r.remove("signOffOpinion"));
            mongo.getCollection("items").replaceOne(new Document("_id", id), raw);
            assertThat(mongo.findById(id, Document.class, "items").get("item", Document.class).toJson())
                    .doesNotContain("withdrawn").doesNotContain("旧的签批意见");
        }

        Item sentBack = items.get(reporter, sentBackDraft.id());
        Item signed = items.get(reporter, signedDraft.id());

        assertThat(sentBack.statusLabel()).isEqualTo("领导退回修改");
        assertThat(sentBack.signOffOpinion()).isEqualTo("旧的退回意见");
        assertThat(sentBack.withdrawnAt()).isNull();
        assertThat(signed.currentRevision().orElseThrow().signOffOpinion()).isNull();
        assertThat(signed.currentRevision().orElseThrow().signedOffBy()).isEqualTo("lead-u");
        // and the old sent-back item was sent: it is not deleted
        assertRefused(() -> items.deleteDraft(reporter, sentBackDraft.id(), ORIGIN), "item.not-deletable",
                "是正式记录");
    }

    @Test
    void itemsStoredBeforeTheRoomCouldEnterForAUnitReadAsTheUnitsOwn() {
        String id = submitted("代录之前的信息");
        Document raw = mongo.findById(id, Document.class, "items");
        raw.get("item", Document.class).remove("enteredOnBehalf");
        mongo.getCollection("items").replaceOne(new Document("_id", id), raw);

        Item old = items.get(room, id);

        assertThat(old.enteredOnBehalf()).isNull();
        assertThat(old.isEnteredOnBehalf()).isFalse();
        assertThat(items.receive(room, id, ORIGIN).status()).isEqualTo(ItemStatus.RECEIVED);
    }

    private ItemStore.Search search(Set<ItemStatus> statuses, String text) {
        return new ItemStore.Search(Set.of(unit), statuses, null, null, null, null, text,
                ItemStore.SortField.UPDATED_AT, false, 0, 50);
    }

    /**
     * The real store, whose writes wait until both racers have loaded the item (so both write on the same version)
     * and whose successful writes' events are kept.
     */
    @SuppressWarnings("unchecked")
    private ItemStore writingAfter(CyclicBarrier bothLoaded, List<List<EventEnvelope<?>>> written) {
        return (ItemStore) Proxy.newProxyInstance(ItemStore.class.getClassLoader(), new Class<?>[] {ItemStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("update") && bothLoaded != null) {
                        bothLoaded.await(30, TimeUnit.SECONDS);
                    }
                    try {
                        Object result = method.invoke(store, args);
                        if (method.getName().equals("update") && Boolean.TRUE.equals(result)) {
                            written.add((List<EventEnvelope<?>>) args[2]);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Object outcome(java.util.function.Supplier<Item> action) {
        try {
            return action.get();
        } catch (UseCaseFailure f) {
            return f;
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String code,
                                      String detail) {
        assertThatThrownBy(action).isInstanceOfSatisfying(UseCaseFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(UseCaseFailure.Kind.CONFLICT);
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.getMessage()).contains(detail);
        });
    }
}
