package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.intake.commission.application.CommissionDirectory;
import cn.gov.eqq.govinfo.intake.commission.domain.CommissionTargets;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.ComparableText;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.NearDuplicateDetector;
import cn.gov.eqq.govinfo.intake.item.domain.Polarity;
import cn.gov.eqq.govinfo.intake.item.domain.SimilarItem;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases against an in-memory store: one write carries state, events and audit together. */
class HandlingItemsTest {

    /** Records every write as the single unit it must be. */
    static final class InMemoryItems implements ItemStore {
        record Write(Item item, List<EventEnvelope<?>> events, List<AuditEntry> audit) {
        }

        final Map<String, StoredItem> items = new HashMap<>();
        final List<Write> writes = new ArrayList<>();
        boolean someoneElseWrites;

        @Override
        public void insert(Item item, List<EventEnvelope<?>> events, List<AuditEntry> audit,
                           List<SimilarItem> similar) {
            items.put(item.id(), new StoredItem(item, 0, similar));
            if (!events.isEmpty()) {
                writes.add(new Write(item, events, audit));
            }
        }

        @Override
        public Insertion insertImported(List<ImportedItem> imported, String batchId) {
            int added = 0;
            for (ImportedItem i : imported) {
                if (items.putIfAbsent(i.item().id(), new StoredItem(i.item(), 0, List.of())) == null) {
                    added++;
                }
            }
            return new Insertion(added, imported.size() - added);
        }

        @Override
        public Optional<StoredItem> find(String itemId) {
            return Optional.ofNullable(items.get(itemId));
        }

        @Override
        public boolean update(Item next, long expectedVersion, List<EventEnvelope<?>> events, List<AuditEntry> audit,
                              List<SimilarItem> similar) {
            StoredItem current = items.get(next.id());
            if (someoneElseWrites || current.version() != expectedVersion) {
                return false;
            }
            items.put(next.id(), new StoredItem(next, expectedVersion + 1, similar == null ? current.similar() : similar));
            writes.add(new Write(next, events, audit));
            return true;
        }

        @Override
        public Page search(Search query) {
            return new Page(List.of(), 0, 0, 20);
        }

        @Override
        public List<AuditEntry> audit(String itemId) {
            return List.of();
        }

        @Override
        public void forEachSubmittedTextSince(Instant since, Consumer<ComparableText> each) {
            items.values().stream().map(StoredItem::item)
                    .filter(i -> i.lastSubmittedAt() != null && !i.lastSubmittedAt().isBefore(since))
                    .map(ComparableText::of).forEach(each);
        }

        @Override
        public List<AuditLine> auditBetween(Instant from, Instant to, int limit) {
            return List.of();
        }

        @Override
        public List<UnitTrailLine> unitTrailSince(String unitId, Instant since) {
            return List.of();
        }

        @Override
        public Map<String, Long> receivedCountsByUnit(Instant from, Instant to) {
            return Map.of();
        }
    }

    private static final Actor REPORTER = new Actor("rep", "张信息员", "U006", Set.of(Role.REPORTER));
    private static final Actor ROOM = new Actor("room", "王菁", null, Set.of(Role.INFO_ROOM));
    private static final ItemContent CONTENT = new ItemContent("我旗推进会", "正文内容。", Category.PROBLEM,
            List.of(FocusTopic.LIVELIHOOD), LocalDate.of(2026, 7, 9), "张信息员", "7622029", Polarity.PROBLEM, false,
            true, "建议加强调度。", "CMS-1", List.of());

    /** Commissions as intake heard of them: CMS-1 went to U006 and U007. */
    static final class InMemoryCommissions implements CommissionDirectory {
        final Map<String, CommissionTargets> known = new HashMap<>();

        @Override
        public Optional<CommissionTargets> find(String commissionId) {
            return Optional.ofNullable(known.get(commissionId));
        }

        @Override
        public void issued(CommissionTargets commission) {
            known.put(commission.commissionId(), commission);
        }
    }

    private final InMemoryItems store = new InMemoryItems();
    private final InMemoryCommissions commissions = new InMemoryCommissions();

    {
        commissions.issued(new CommissionTargets("CMS-1", "乡村振兴典型做法", Set.of("U006", "U007")));
    }

    private final AtomicInteger kicks = new AtomicInteger();
    private final HandlingItems service = new HandlingItems(store,
            Clock.fixed(Instant.parse("2026-07-10T02:00:00Z"), ZoneOffset.UTC), kicks::incrementAndGet,
            new NearDuplicateDetector(0.6), Duration.ofDays(92), commissions);

    @Test
    void aSubmissionIsSavedWithTheSentItemsItReadsLikeButNotWithItself() {
        Item first = service.createDraft(REPORTER, CONTENT);
        service.submit(REPORTER, first.id(), "10.0.0.1");
        Item retold = service.createDraft(new Actor("rep-b", "李信息员", "U007", Set.of(Role.REPORTER)), CONTENT);
        service.submit(new Actor("rep-b", "李信息员", "U007", Set.of(Role.REPORTER)), retold.id(), "10.0.0.3");

        assertThat(store.items.get(first.id()).similar()).isEmpty();
        assertThat(store.items.get(retold.id()).similar())
                .containsExactly(new SimilarItem(first.id(), "U006", "我旗推进会", 1.0));
    }

    @Test
    void theReporterIsWarnedBeforeSendingOfAnotherUnitsItemByUnitTitleAndSimilarityButNotItsId() {
        Item first = service.createDraft(REPORTER, CONTENT);
        service.submit(REPORTER, first.id(), "10.0.0.1");
        Actor education = new Actor("rep-b", "李信息员", "U007", Set.of(Role.REPORTER));
        Item retold = service.createDraft(education, CONTENT);

        assertThat(service.similarBeforeSubmitting(education, retold.id()))
                .containsExactly(new SimilarItem(null, "U006", "我旗推进会", 1.0));
        assertThat(service.similarBeforeSubmitting(ROOM, retold.id()))
                .containsExactly(new SimilarItem(first.id(), "U006", "我旗推进会", 1.0));
        // asking writes nothing: the check kept with the item is the one made when it is sent
        assertThat(store.items.get(retold.id()).similar()).isEmpty();
    }

    @Test
    void theReporterMayOpenASimilarItemOfItsOwnUnit() {
        Item first = service.createDraft(REPORTER, CONTENT);
        service.submit(REPORTER, first.id(), "10.0.0.1");
        Item again = service.createDraft(REPORTER, CONTENT);

        assertThat(service.similarBeforeSubmitting(REPORTER, again.id()))
                .containsExactly(new SimilarItem(first.id(), "U006", "我旗推进会", 1.0));
    }

    @Test
    void anotherUnitCannotAskAboutAnItemItMayNotRead() {
        Item draft = service.createDraft(REPORTER, CONTENT);
        Actor education = new Actor("rep-b", "李信息员", "U007", Set.of(Role.REPORTER));

        assertThatThrownBy(() -> service.similarBeforeSubmitting(education, draft.id()))
                .isInstanceOf(UseCaseFailure.class);
    }

    @Test
    void receivingWritesStateEventAndAuditLineTogetherAndKicksTheRelay() {
        Item draft = service.createDraft(REPORTER, CONTENT);
        service.submit(REPORTER, draft.id(), "10.0.0.1");
        service.receive(ROOM, draft.id(), "10.0.0.2");

        InMemoryItems.Write receive = store.writes.get(store.writes.size() - 1);
        assertThat(receive.item().status().name()).isEqualTo("RECEIVED");
        assertThat(receive.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("ItemReceived");
            assertThat(e.key()).isEqualTo(draft.id());
            ItemReceived r = (ItemReceived) e.payload();
            assertThat(r.category()).isEqualTo("PROBLEM");
            assertThat(r.polarity()).isEqualTo("PROBLEM");
            assertThat(r.topics()).containsExactly("LIVELIHOOD");
            assertThat(r.majorEmergency()).isTrue();
            assertThat(r.commissionId()).isEqualTo("CMS-1");
            assertThat(r.eventDate()).isEqualTo(LocalDate.of(2026, 7, 9));
            assertThat(r.receivedBy()).isEqualTo("room");
        });
        assertThat(receive.audit()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("RECEIVED");
            assertThat(a.by()).isEqualTo("room");
            assertThat(a.origin()).isEqualTo("10.0.0.2");
        });
        assertThat(kicks.get()).isEqualTo(2);
    }

    @Test
    void editingADraftPublishesNothing() {
        Item draft = service.createDraft(REPORTER, CONTENT);
        service.updateDraft(REPORTER, draft.id(), CONTENT);

        assertThat(store.writes).singleElement().satisfies(w -> assertThat(w.events()).isEmpty());
        assertThat(kicks.get()).isZero();
    }

    @Test
    void concurrentChangeIsAConflictAndNothingIsWritten() {
        Item draft = service.createDraft(REPORTER, CONTENT);
        store.someoneElseWrites = true;

        assertThatThrownBy(() -> service.submit(REPORTER, draft.id(), "x")).isInstanceOf(UseCaseFailure.class)
                .hasMessage("该信息刚被他人修改，请刷新后重试");
        assertThat(store.writes).isEmpty();
        assertThat(kicks.get()).isZero();
    }

    @Test
    void domainRefusalsBecomeProblemsWithTheRightStatus() {
        Item draft = service.createDraft(REPORTER, CONTENT);
        Actor other = new Actor("rep-b", null, "U007", Set.of(Role.REPORTER));

        assertThatThrownBy(() -> service.submit(other, draft.id(), "x")).isInstanceOfSatisfying(UseCaseFailure.class,
                p -> assertThat(p.kind()).isEqualTo(UseCaseFailure.Kind.NOT_FOUND));
        assertThatThrownBy(() -> service.receive(ROOM, draft.id(), "x")).isInstanceOfSatisfying(UseCaseFailure.class,
                p -> assertThat(p.kind()).isEqualTo(UseCaseFailure.Kind.CONFLICT));
    }

    @Test
    void aUnitTheCommissionWasNotSentToCannotLinkADraftToIt() {
        Actor outsider = new Actor("rep-c", "赵信息员", "U040", Set.of(Role.REPORTER));

        assertThatThrownBy(() -> service.createDraft(outsider, CONTENT)).isInstanceOfSatisfying(UseCaseFailure.class,
                p -> {
                    assertThat(p.kind()).isEqualTo(UseCaseFailure.Kind.INVALID);
                    assertThat(p.code()).isEqualTo("commission.not-a-target");
                    assertThat(p.getMessage()).isEqualTo(
                            "约稿任务「乡村振兴典型做法」（CMS-1）未向本单位约稿，本单位的信息不能作为其答复");
                    assertThat(p.errors()).extracting(UseCaseFailure.FieldError::field).containsExactly("commissionId");
                });
        assertThat(store.items).isEmpty();
    }

    @Test
    void aDraftMayNameACommissionNotYetHeardOfButItIsNotSentUntilTheCommissionIsKnown() {
        ItemContent unknown = linkedTo("CMS-9");
        Item draft = service.createDraft(REPORTER, unknown);

        assertThatThrownBy(() -> service.submit(REPORTER, draft.id(), "x")).isInstanceOfSatisfying(UseCaseFailure.class,
                p -> {
                    assertThat(p.kind()).isEqualTo(UseCaseFailure.Kind.CONFLICT);
                    assertThat(p.code()).isEqualTo("commission.not-yet-known");
                    assertThat(p.getMessage()).isEqualTo(
                            "约稿任务 CMS-9 尚未同步，请稍后再试（如约稿编号有误，请核对后修改草稿）");
                });
        assertThat(store.writes).isEmpty();

        commissions.issued(new CommissionTargets("CMS-9", "营商环境", Set.of("U006")));
        assertThat(service.submit(REPORTER, draft.id(), "x").status().name()).isEqualTo("SUBMITTED");
    }

    @Test
    void aDraftOfAnotherUnitKeepsItsCommissionOnlyIfTheCommissionWentThere() {
        Item draft = service.createDraft(REPORTER, linkedTo(null));
        commissions.issued(new CommissionTargets("CMS-2", "营商环境", Set.of("U007")));

        assertThatThrownBy(() -> service.updateDraft(REPORTER, draft.id(), linkedTo("CMS-2")))
                .isInstanceOfSatisfying(UseCaseFailure.class,
                        p -> assertThat(p.code()).isEqualTo("commission.not-a-target"));
        assertThat(store.writes).isEmpty();
    }

    private static ItemContent linkedTo(String commissionId) {
        ItemContent c = CONTENT;
        return new ItemContent(c.title(), c.body(), c.category(), c.topics(), c.eventDate(), c.reporterName(),
                c.contactPhone(), c.polarity(), c.majorEvent(), c.majorEmergency(), c.countermeasures(), commissionId,
                c.attachmentIds());
    }
}
