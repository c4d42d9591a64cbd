package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.intake.commission.application.CommissionDirectory;
import cn.gov.eqq.govinfo.intake.commission.domain.CommissionTargets;
import cn.gov.eqq.govinfo.intake.item.domain.CommissionLink;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemChange;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.ItemPermissions;
import cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException;
import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.item.domain.NearDuplicateDetector;
import cn.gov.eqq.govinfo.intake.item.domain.Revision;
import cn.gov.eqq.govinfo.intake.item.domain.RevisionComparison;
import cn.gov.eqq.govinfo.intake.item.domain.SimilarItem;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** The use cases of an item's life. Every state change is one atomic write of state, events and audit lines. */
public class HandlingItems {

    /** What the room's inbox shows by default: what units have sent, not their drafts. */
    public static final Set<ItemStatus> SENT = EnumSet.of(ItemStatus.SUBMITTED, ItemStatus.RECEIVED,
            ItemStatus.RETURNED, ItemStatus.VOIDED);

    /** A unit leader sends a major-event item back to its reporter, with an opinion. */
    public record SendBack(String itemId, String opinion, String origin) {
    }

    /** A unit leader signs a major-event item off, with an opinion if they give one (签批意见). */
    public record SignOff(String itemId, String opinion, String origin) {
    }

    /** The room returns a submitted item to its unit for revision, with an opinion. */
    public record ReturnForRevision(String itemId, String opinion, String origin) {
    }

    /** The room voids an item, with a reason. */
    public record VoidItem(String itemId, String reason, String origin) {
    }

    /** What changed between two revisions (1-based) of an item. */
    public record CompareRevisions(String itemId, int from, int to) {
    }

    private final ItemStore store;
    private final Clock clock;
    private final Runnable afterWrite;
    private final NearDuplicateDetector duplicates;
    private final Duration duplicateLookback;
    private final CommissionDirectory commissions;

    public HandlingItems(ItemStore store, Clock clock, Runnable afterWrite, NearDuplicateDetector duplicates,
                         Duration duplicateLookback, CommissionDirectory commissions) {
        this.store = store;
        this.commissions = commissions;
        this.clock = clock;
        this.afterWrite = afterWrite;
        this.duplicates = duplicates;
        this.duplicateLookback = duplicateLookback;
    }

    public Item createDraft(Actor reporter, ItemContent content) {
        domain(() -> {
            CommissionLink.checkDraft(reporter.unitId(), content.commissionId(), findCommission(content));
            return null;
        });
        Item item = domain(() -> Item.draft(UUID.randomUUID().toString(), reporter, content, clock.instant()));
        store.insert(item, List.of());
        return item;
    }

    public Item updateDraft(Actor reporter, String itemId, ItemContent content) {
        ItemStore.StoredItem stored = load(reporter, itemId);
        // attachments are managed on their own endpoints: an edit of the text keeps them
        ItemContent kept = content.withAttachmentIds(stored.item().draft().attachmentIds());
        domain(() -> {
            CommissionLink.checkDraft(stored.item().unitId(), kept.commissionId(), findCommission(kept));
            return null;
        });
        Item next = domain(() -> stored.item().revise(reporter, kept, clock.instant()));
        save(next, stored.version(), List.of(), List.of(), null);
        return next;
    }

    /** Sends a draft; one that answers a commission must come from a unit the commission was sent to. */
    public Item submit(Actor reporter, String itemId, String origin) {
        Item current = load(reporter, itemId).item();
        domain(() -> {
            CommissionLink.checkSubmission(current.unitId(), current.draft().commissionId(),
                    findCommission(current.draft()));
            return null;
        });
        return act(reporter, itemId, origin, (item, now) -> item.submit(reporter, now));
    }

    public Item signOff(Actor leader, SignOff command) {
        return act(leader, command.itemId(), command.origin(),
                (item, now) -> item.signOff(leader, command.opinion(), now));
    }

    /**
     * The reporter withdraws what the unit sent before the room or the leader acted on it (撤回). Racing the room's
     * receive, exactly one of the two is stored (the write is conditional on the version both read); the other is
     * refused as a concurrent change.
     */
    public Item withdraw(Actor reporter, String itemId, String origin) {
        return act(reporter, itemId, origin, (item, now) -> item.withdraw(reporter, now));
    }

    /** The reporter deletes a draft the unit never sent (删除草稿); it is kept, out of every list, for the trail. */
    public void deleteDraft(Actor reporter, String itemId, String origin) {
        act(reporter, itemId, origin, (item, now) -> item.delete(reporter, now));
    }

    public Item sendBack(Actor leader, SendBack command) {
        return act(leader, command.itemId(), command.origin(),
                (item, now) -> item.sendBack(leader, command.opinion(), now));
    }

    public Item receive(Actor room, String itemId, String origin) {
        return act(room, itemId, origin, (item, now) -> item.receive(room, now));
    }

    public Item returnForRevision(Actor room, ReturnForRevision command) {
        return act(room, command.itemId(), command.origin(),
                (item, now) -> item.returnForRevision(room, command.opinion(), now));
    }

    public Item voidItem(Actor room, VoidItem command) {
        return act(room, command.itemId(), command.origin(),
                (item, now) -> item.voidItem(room, command.reason(), now));
    }

    public Item forwardToCity(Actor room, String itemId, String origin) {
        return act(room, itemId, origin, (item, now) -> item.forwardToCity(room, now));
    }

    public Item get(Actor actor, String itemId) {
        return load(actor, itemId).item();
    }

    /** The item with its near-duplicates; those are shown only to people who see all units. */
    public ItemStore.StoredItem getWithSimilar(Actor actor, String itemId) {
        ItemStore.StoredItem stored = load(actor, itemId);
        return actor.seesAllUnits() ? stored
                : new ItemStore.StoredItem(stored.item(), stored.version(), List.of());
    }

    /**
     * The unit's warning before it sends an item (报送): the sent items its text reads like now, as the check at
     * submission will find them. The room sees them whole; a unit sees its own unit's whole, and of another unit's
     * only the unit, the title and the similarity (no id to open it by: the unit may not read it).
     */
    public List<SimilarItem> similarBeforeSubmitting(Actor actor, String itemId) {
        List<SimilarItem> found = similarSent(get(actor, itemId));
        if (actor.seesAllUnits()) {
            return found;
        }
        return found.stream().map(s -> actor.belongsTo(s.unitId()) ? s
                : new SimilarItem(null, s.unitId(), s.title(), s.similarity())).toList();
    }

    /** The items sent in recent months that read much like this one, most similar first. */
    private List<SimilarItem> similarSent(Item item) {
        NearDuplicateDetector.Check check = duplicates.checkFor(item);
        if (check.canMatch()) {
            store.forEachSubmittedTextSince(clock.instant().minus(duplicateLookback), check::offer);
        }
        return check.result();
    }

    public List<Revision> revisions(Actor actor, String itemId) {
        return get(actor, itemId).revisions();
    }

    public List<RevisionComparison.FieldChange> compare(Actor actor, CompareRevisions command) {
        Item item = get(actor, command.itemId());
        int from = command.from();
        int to = command.to();
        Revision a = item.revision(from).orElseThrow(() -> UseCaseFailure.notFound("该信息没有第 " + from + " 稿"));
        Revision b = item.revision(to).orElseThrow(() -> UseCaseFailure.notFound("该信息没有第 " + to + " 稿"));
        return RevisionComparison.between(a.content(), b.content());
    }

    public List<AuditEntry> audit(Actor actor, String itemId) {
        // a deleted draft's trail stays readable to those who read trails
        Item item = loadIncludingDeleted(actor, itemId).item();
        if (!actor.has(Role.INFO_ROOM) && !actor.has(Role.ADMIN)) {
            throw UseCaseFailure.forbidden("只有信息室和管理员可以查看操作记录");
        }
        return store.audit(item.id());
    }

    /** The room's audit log across all items for a period (Beijing), optionally one action only. */
    public List<ItemStore.AuditLine> auditLog(Actor actor, ReportingPeriod period, String action) {
        if (!actor.has(Role.INFO_ROOM) && !actor.has(Role.ADMIN)) {
            throw UseCaseFailure.forbidden("只有信息室和管理员可以查看操作记录");
        }
        return store.auditBetween(period.startInstant(), period.endInstant(), 2000).stream()
                .filter(l -> action == null || action.isBlank() || l.entry().action().equalsIgnoreCase(action.strip()))
                .toList();
    }

    /**
     * The list a person may see: people of a unit get their own unit only (asking for another unit is refused),
     * the room and leaders see all units' sent items.
     */
    public ItemStore.Page search(Actor actor, ItemStore.Search query) {
        ItemStore.Search effective = query;
        if (!actor.seesAllUnits()) {
            if (!actor.worksForAUnit()) {
                throw UseCaseFailure.forbidden("您的角色无权查看信息列表");
            }
            if (query.unitIds() != null && !query.unitIds().equals(Set.of(actor.unitId()))) {
                throw UseCaseFailure.forbidden("只能查看本单位的信息");
            }
            // a deleted draft is in no list
            Set<ItemStatus> statuses = EnumSet.complementOf(EnumSet.of(ItemStatus.DELETED));
            if (query.statuses() != null) {
                statuses.retainAll(query.statuses());
            }
            if (statuses.isEmpty()) {
                return new ItemStore.Page(List.of(), 0, query.page(), query.size());
            }
            effective = new ItemStore.Search(Set.of(actor.unitId()), statuses, query.category(),
                    query.topic(), query.submittedFrom(), query.submittedTo(), query.text(), query.sort(),
                    query.ascending(), query.page(), query.size());
        } else {
            // a unit's drafts and items awaiting its leader are the unit's own business, not the room's inbox
            Set<ItemStatus> statuses = EnumSet.copyOf(SENT);
            if (query.statuses() != null) {
                statuses.retainAll(query.statuses());
            }
            if (statuses.isEmpty()) {
                return new ItemStore.Page(List.of(), 0, query.page(), query.size());
            }
            effective = new ItemStore.Search(query.unitIds(), statuses, query.category(), query.topic(),
                    query.submittedFrom(), query.submittedTo(), query.text(), query.sort(), query.ascending(),
                    query.page(), query.size());
        }
        ItemStore.Page page = store.search(effective);
        if (actor.seesAllUnits()) {
            return page;
        }
        return new ItemStore.Page(page.items().stream()
                .map(s -> new ItemStore.StoredItem(s.item(), s.version(), List.of())).toList(),
                page.total(), page.page(), page.size());
    }

    /** A leader's queue: major-event items of their unit waiting for sign-off. */
    public ItemStore.Page signOffQueue(Actor leader, int page, int size) {
        if (!leader.has(Role.UNIT_LEADER) || leader.unitId() == null) {
            throw UseCaseFailure.forbidden("只有本单位领导可以查看待签批信息");
        }
        return store.search(new ItemStore.Search(Set.of(leader.unitId()), EnumSet.of(ItemStatus.AWAITING_SIGN_OFF),
                null, null, null, null, null, ItemStore.SortField.UPDATED_AT, true, page, size));
    }

    /**
     * Stores a new item that reaches the room at once (the room entered it for a unit): state, events, audit lines
     * and the near-duplicates found, in one write.
     */
    Item insertSent(Actor actor, String origin, Function<Instant, Item.Transition> create) {
        Item.Transition t = domain(() -> create.apply(clock.instant()));
        List<EventEnvelope<?>> events = ItemEvents.of(t.item(), t.changes());
        List<AuditEntry> audit = t.changes().stream()
                .map(c -> ItemEvents.audit(c, actor.displayName(), origin)).toList();
        store.insert(t.item(), events, audit, similarSent(t.item()));
        afterWrite.run();
        return t.item();
    }

    /** Loads the item, applies one action of the domain and stores its state, events and audit lines in one write. */
    Item act(Actor actor, String itemId, String origin, BiFunction<Item, Instant, Item.Transition> action) {
        ItemStore.StoredItem stored = load(actor, itemId);
        Item.Transition t = domain(() -> action.apply(stored.item(), clock.instant()));
        List<EventEnvelope<?>> events = ItemEvents.of(t.item(), t.changes());
        List<AuditEntry> audit = t.changes().stream()
                .map(c -> ItemEvents.audit(c, actor.displayName(), origin)).toList();
        // checked when a revision reaches the room
        List<SimilarItem> similar = t.changes().stream().anyMatch(c -> c instanceof ItemChange.Submitted)
                ? similarSent(t.item()) : null;
        save(t.item(), stored.version(), events, audit, similar);
        return t.item();
    }

    private Optional<CommissionTargets> findCommission(
            ItemContent content) {
        return content.commissionId() == null ? Optional.empty() : commissions.find(content.commissionId());
    }

    private ItemStore.StoredItem load(Actor actor, String itemId) {
        ItemStore.StoredItem stored = store.find(itemId).orElseThrow(() -> ItemRefusals.failureOf(ItemPermissions.notFound()));
        domain(() -> {
            ItemPermissions.requireReadable(actor, stored.item());
            return null;
        });
        return stored;
    }

    private ItemStore.StoredItem loadIncludingDeleted(Actor actor, String itemId) {
        ItemStore.StoredItem stored = store.find(itemId).orElseThrow(() -> ItemRefusals.failureOf(ItemPermissions.notFound()));
        if (!ItemPermissions.canSee(actor, stored.item().unitId())) {
            throw ItemRefusals.failureOf(ItemPermissions.notFound());
        }
        return stored;
    }

    private void save(Item next, long version, List<EventEnvelope<?>> events, List<AuditEntry> audit,
                      List<SimilarItem> similar) {
        if (!store.update(next, version, events, audit, similar)) {
            throw UseCaseFailure.conflict("item.concurrent-change", "该信息刚被他人修改，请刷新后重试");
        }
        if (!events.isEmpty()) {
            afterWrite.run();
        }
    }

    private static <T> T domain(Supplier<T> action) {
        try {
            return action.get();
        } catch (ItemRuleException e) {
            throw ItemRefusals.failureOf(e);
        }
    }
}
