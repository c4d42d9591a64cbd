package cn.gov.eqq.govinfo.intake.item.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException.Kind.CONFLICT;
import static cn.gov.eqq.govinfo.intake.item.domain.ItemRuleException.Kind.INVALID;

/**
 * One item of information (一条政务信息) and its whole life. Immutable: every action returns the next state and the
 * changes it caused ({@link Transition}). The unit, the status and every timestamp are set here from the actor's
 * token and the clock, never from what a client sends.
 *
 * <pre>
 * DRAFT ──submit──▶ SUBMITTED ──receive──▶ RECEIVED ──forward (once)
 *   │  (major event)     │ └──return──▶ RETURNED ──revise, submit──▶ SUBMITTED (next revision)
 *   └▶ AWAITING_SIGN_OFF ─sign─▶ SUBMITTED     SUBMITTED | RETURNED | RECEIVED ──void──▶ VOIDED
 *          └─send back─▶ DRAFT (领导退回修改)  RECEIVED ──correct (room, with a reason)──▶ RECEIVED
 * SUBMITTED | AWAITING_SIGN_OFF ──withdraw (unit, before anyone acted)──▶ DRAFT
 * DRAFT never sent ──delete (unit)──▶ DELETED
 * </pre>
 *
 * @param draft     the unit's working copy; what the next submission will send
 * @param revisions   every submitted version, oldest first; never rewritten except for the room's decision on it
 * @param corrections the room's corrections of the received item's classification, oldest first
 * @param signOffOpinion the leader's opinion when they sent the item back (领导退回), until it is submitted again
 * @param withdrawnAt   when the unit last withdrew the item (撤回); null when it never did (and in documents stored
 *                      before items could be withdrawn)
 * @param enteredOnBehalf who of the room entered the item for its unit (代录) and when; null for an item the unit
 *                        sent itself (and in every document stored before the room could enter items)
 */
public record Item(String id, String unitId, ItemStatus status, ItemContent draft, List<Revision> revisions,
                   String createdBy, Instant createdAt, Instant updatedAt,
                   String signOffRequestedBy, Instant signOffRequestedAt, String signOffOpinion,
                   String forwardedBy, Instant forwardedAt,
                   String voidedBy, Instant voidedAt, String voidReason, List<Correction> corrections,
                   String withdrawnBy, Instant withdrawnAt, EnteredOnBehalf enteredOnBehalf) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(status, "status");
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        // null in documents stored before the room could correct items
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** The result of an action: the item's next state and what happened. */
    public record Transition(Item item, List<ItemChange> changes) {
        public Transition {
            changes = List.copyOf(changes);
        }
    }

    /** A reporter starts a draft for their own unit. */
    public static Item draft(String id, Actor reporter, ItemContent content, Instant now) {
        if (reporter.unitId() == null) {
            throw new ItemRuleException(ItemRuleException.Kind.FORBIDDEN, "item.no-unit",
                    "您的账号未关联报送单位，不能起草信息");
        }
        ItemPermissions.requireReporterOf(reporter, reporter.unitId());
        ItemValidation.requireValidDraft(content);
        return new Item(id, reporter.unitId(), ItemStatus.DRAFT, content, List.of(), reporter.userId(), now, now,
                null, null, null, null, null, null, null, null, List.of(), null, null, null);
    }

    /** The reporter edits the working copy: a new draft, or the revision of a returned item. */
    public Item revise(Actor reporter, ItemContent content, Instant now) {
        ItemPermissions.requireReporterOf(reporter, unitId);
        if (!status.editableByUnit()) {
            throw conflict("item.not-editable", "当前状态（" + status.label() + "）不能修改");
        }
        ItemValidation.requireValidDraft(content);
        return with(status, content, revisions, now);
    }

    /** The reporter attaches an uploaded file to the working copy. */
    public Item attach(Actor reporter, String attachmentId, int maxPerItem, Instant now) {
        ItemPermissions.requireReporterOf(reporter, unitId);
        if (!status.editableByUnit()) {
            throw conflict("item.not-editable", "当前状态（" + status.label() + "）不能添加附件");
        }
        if (draft.attachmentIds().size() >= maxPerItem) {
            throw new ItemRuleException(INVALID, "attachment.too-many", "每条信息最多 " + maxPerItem + " 个附件",
                    List.of(new Violation("file", "每条信息最多 " + maxPerItem + " 个附件")));
        }
        List<String> ids = new ArrayList<>(draft.attachmentIds());
        ids.add(attachmentId);
        return with(status, draft.withAttachmentIds(ids), revisions, now);
    }

    /** The reporter removes a file from the working copy; submitted revisions keep theirs. */
    public Item detach(Actor reporter, String attachmentId, Instant now) {
        ItemPermissions.requireReporterOf(reporter, unitId);
        if (!status.editableByUnit()) {
            throw conflict("item.not-editable", "当前状态（" + status.label() + "）不能删除附件");
        }
        List<String> ids = new ArrayList<>(draft.attachmentIds());
        if (!ids.remove(attachmentId)) {
            throw new ItemRuleException(ItemRuleException.Kind.NOT_FOUND, "attachment.not-found", "附件不存在");
        }
        return with(status, draft.withAttachmentIds(ids), revisions, now);
    }

    /** Whether a file belongs to the working copy or to any revision (then its readers may download it). */
    public boolean hasAttachment(String attachmentId) {
        return draft.attachmentIds().contains(attachmentId)
                || revisions.stream().anyMatch(r -> r.content().attachmentIds().contains(attachmentId));
    }

    /**
     * The reporter submits the working copy. A major event goes to the unit's leaders first; anything else
     * reaches the room at once as a new revision.
     */
    public Transition submit(Actor reporter, Instant now) {
        ItemPermissions.requireReporterOf(reporter, unitId);
        if (!status.editableByUnit()) {
            throw conflict("item.not-submittable", "当前状态（" + status.label() + "）不能报送");
        }
        ItemValidation.requireValidSubmission(draft);
        if (draft.majorEvent()) {
            Item next = new Item(id, unitId, ItemStatus.AWAITING_SIGN_OFF, draft, revisions, createdBy, createdAt, now,
                    reporter.userId(), now, null, forwardedBy, forwardedAt, voidedBy, voidedAt, voidReason, corrections,
                withdrawnBy, withdrawnAt, enteredOnBehalf);
            return new Transition(next, List.of(new ItemChange.SignOffRequested(id, unitId, now, reporter.userId())));
        }
        return toRoom(reporter.userId(), null, null, null, now, List.of());
    }

    /** A leader of the same unit signs the major-event item off without an opinion; it then reaches the room. */
    public Transition signOff(Actor leader, Instant now) {
        return signOff(leader, null, now);
    }

    /**
     * A leader of the same unit signs the major-event item off, with an opinion if they give one (签批意见); it then
     * reaches the room. The opinion is kept with the revision's sign-off: the unit and the room read it.
     */
    public Transition signOff(Actor leader, String opinion, Instant now) {
        ItemPermissions.requireLeaderOf(leader, unitId);
        requireStatus(ItemStatus.AWAITING_SIGN_OFF, "item.not-awaiting-sign-off", "该信息不在待签批状态");
        String text = opinion == null || opinion.isBlank() ? null : opinion.strip();
        return toRoom(signOffRequestedBy, leader.userId(), now, text, now,
                List.of(new ItemChange.SignedOff(id, unitId, text, now, leader.userId())));
    }

    /** A leader of the same unit sends the major-event item back to the reporter with an opinion. */
    public Transition sendBack(Actor leader, String opinion, Instant now) {
        ItemPermissions.requireLeaderOf(leader, unitId);
        requireStatus(ItemStatus.AWAITING_SIGN_OFF, "item.not-awaiting-sign-off", "该信息不在待签批状态");
        String text = requireText(opinion, "opinion", "退回时必须填写签批意见");
        Item next = new Item(id, unitId, ItemStatus.DRAFT, draft, revisions, createdBy, createdAt, now,
                null, null, text, forwardedBy, forwardedAt, voidedBy, voidedAt, voidReason, corrections,
                withdrawnBy, withdrawnAt, enteredOnBehalf);
        return new Transition(next, List.of(new ItemChange.SentBackBySignOff(id, unitId, text, now, leader.userId())));
    }

    /**
     * Whether the leader sent the item back (领导退回修改) and it has not been submitted since: the unit reads it so,
     * with the leader's opinion, not as a plain draft. Items stored before this was shown read the same way, since
     * the send-back has always kept its opinion until the next submission.
     */
    public boolean sentBackByLeader() {
        return status == ItemStatus.DRAFT && signOffOpinion != null;
    }

    /** The state as people read it: a draft the leader sent back is 「领导退回修改」. */
    public String statusLabel() {
        return sentBackByLeader() ? "领导退回修改" : status.label();
    }

    /**
     * The reporter takes back what the unit sent before anyone acted on it (撤回): a revision the room has not yet
     * received, returned or voided, or a major event its leader has not yet signed off or sent back. The item is a
     * draft again. A withdrawn revision stays on record (已撤回) and never counted, like a returned one; the next
     * submission is the next revision, so what other services heard of the withdrawn one stays true.
     */
    public Transition withdraw(Actor reporter, Instant now) {
        ItemPermissions.requireReporterOf(reporter, unitId);
        Integer withdrawn;
        List<Revision> after = revisions;
        if (status == ItemStatus.SUBMITTED) {
            Revision current = currentRevision().orElseThrow();
            after = replaceLast(current.decided(Revision.Outcome.WITHDRAWN, reporter.userId(), now, null));
            withdrawn = current.number();
        } else if (status == ItemStatus.AWAITING_SIGN_OFF) {
            withdrawn = null; // no revision yet: it is made when the leader signs
        } else {
            throw conflict("item.not-withdrawable", switch (status) {
                case RECEIVED -> "信息室已接收该信息，不能撤回；如需修改请联系信息室";
                case RETURNED -> "信息室已退回该信息，请直接修改后重新报送，无需撤回";
                case VOIDED -> "该信息已被信息室作废，不能撤回";
                default -> "该信息尚未报送，无需撤回";
            });
        }
        Item next = new Item(id, unitId, ItemStatus.DRAFT, draft, after, createdBy, createdAt, now,
                null, null, null, forwardedBy, forwardedAt, voidedBy, voidedAt, voidReason, corrections,
                reporter.userId(), now, enteredOnBehalf);
        return new Transition(next, List.of(new ItemChange.Withdrawn(id, unitId, withdrawn, now, reporter.userId())));
    }

    /**
     * Whether the unit has ever sent the item anywhere (to the room, or to its leader for sign-off). Once sent it is
     * an official record and is never deleted.
     */
    public boolean everSent() {
        return !revisions.isEmpty() || signOffOpinion != null || withdrawnAt != null
                || status != ItemStatus.DRAFT && status != ItemStatus.DELETED;
    }

    /** The reporter deletes a draft the unit never sent (删除草稿): nobody lists or reads it any more. */
    public Transition delete(Actor reporter, Instant now) {
        ItemPermissions.requireReporterOf(reporter, unitId);
        if (status != ItemStatus.DRAFT) {
            throw conflict("item.not-deletable", "只能删除草稿（当前状态：" + statusLabel() + "）");
        }
        if (everSent()) {
            throw conflict("item.not-deletable", "该信息已经报送过，是正式记录，不能删除");
        }
        return new Transition(with(ItemStatus.DELETED, draft, revisions, now),
                List.of(new ItemChange.Deleted(id, unitId, now, reporter.userId())));
    }

    /** The room receives the submitted revision: from now it counts, in the period of its submission. */
    public Transition receive(Actor room, Instant now) {
        ItemPermissions.requireRoom(room, unitId);
        requireStatus(ItemStatus.SUBMITTED, "item.not-submitted", "只能接收已报送、待处理的信息");
        Revision current = currentRevision().orElseThrow();
        List<Revision> decided = replaceLast(current.decided(Revision.Outcome.RECEIVED, room.userId(), now, null));
        Item next = with(ItemStatus.RECEIVED, draft, decided, now);
        return new Transition(next, List.of(
                new ItemChange.Received(id, unitId, current.number(), current.submittedAt(), now, room.userId())));
    }

    /**
     * The room receives the submitted revision and at once corrects its classification, with a reason: the item
     * counts as corrected from the start, and the correction stays on record like any later one.
     *
     * @param frozenBy the published circular covering the period the item counts in, if any
     */
    public Transition receive(Actor room, Classification corrected, String reason,
                              Optional<PublishedCircular> frozenBy, Instant now) {
        Transition received = receive(room, now);
        Transition correction = received.item().correct(room, corrected, reason, frozenBy, now);
        List<ItemChange> changes = new ArrayList<>(received.changes());
        changes.addAll(correction.changes());
        return new Transition(correction.item(), changes);
    }

    /**
     * The room corrects the category, the 重大事件 / 重大紧急 flags or the topics of a received item, with a reason,
     * while no published circular covers the period the item counts in (the quarter or the year of the submission
     * of its received revision). The unit's revisions stay as they were sent; the item counts with the correction.
     *
     * @param frozenBy the published circular covering that period, if any
     */
    public Transition correct(Actor room, Classification to, String reason, Optional<PublishedCircular> frozenBy,
                              Instant now) {
        ItemPermissions.requireRoom(room, unitId);
        if (status != ItemStatus.RECEIVED) {
            throw conflict("item.not-correctable", "只能更正已接收的信息（当前状态：" + status.label() + "）");
        }
        String text = requireText(reason, "reason", "更正时必须填写理由");
        if (to == null || to.category() == null) {
            throw new ItemRuleException(INVALID, "item.category-required", "更正后的类别不能为空",
                    List.of(new Violation("category", "请选择类别")));
        }
        Classification from = classification();
        if (from.changesTo(to).isEmpty()) {
            throw new ItemRuleException(INVALID, "item.correction-unchanged",
                    "更正内容与当前分类相同，没有需要更正的内容");
        }
        if (frozenBy.isPresent()) {
            throw conflict("item.period-published", "该信息所属期间的" + frozenBy.get().named()
                    + "已发布，不能再更正");
        }
        int revision = receivedRevision().orElseThrow().number();
        List<Correction> all = new ArrayList<>(corrections);
        all.add(new Correction(revision, from, to, text, room.userId(), room.displayName(), now));
        Item next = new Item(id, unitId, status, draft, revisions, createdBy, createdAt, now,
                signOffRequestedBy, signOffRequestedAt, signOffOpinion, forwardedBy, forwardedAt,
                voidedBy, voidedAt, voidReason, all, withdrawnBy, withdrawnAt, enteredOnBehalf);
        return new Transition(next, List.of(
                new ItemChange.Corrected(id, unitId, revision, from, to, text, now, room.userId())));
    }

    /**
     * How the item is classified now: as the room last corrected it, else as its received revision (or, before
     * that, its latest revision or draft) says.
     */
    public Classification classification() {
        if (!corrections.isEmpty()) {
            return corrections.get(corrections.size() - 1).after();
        }
        return Classification.of(receivedRevision().or(this::currentRevision).map(Revision::content).orElse(draft));
    }

    /** When the item's counting starts: the submission of its received revision, or null when not received. */
    public Instant countsFrom() {
        return receivedRevision().map(Revision::submittedAt).orElse(null);
    }

    /** The room returns the submitted revision for revision (退回修改) with its opinion. */
    public Transition returnForRevision(Actor room, String opinion, Instant now) {
        ItemPermissions.requireRoom(room, unitId);
        requireStatus(ItemStatus.SUBMITTED, "item.not-submitted", "只能退回已报送、待处理的信息");
        String text = requireText(opinion, "opinion", "退回修改时必须填写意见");
        Revision current = currentRevision().orElseThrow();
        List<Revision> decided = replaceLast(current.decided(Revision.Outcome.RETURNED, room.userId(), now, text));
        Item next = with(ItemStatus.RETURNED, draft, decided, now);
        return new Transition(next, List.of(
                new ItemChange.Returned(id, unitId, current.number(), text, now, room.userId())));
    }

    /** The room voids the item with a reason: it then counts nowhere, as if never received. Final. */
    public Transition voidItem(Actor room, String reason, Instant now) {
        ItemPermissions.requireRoom(room, unitId);
        if (status != ItemStatus.SUBMITTED && status != ItemStatus.RETURNED && status != ItemStatus.RECEIVED) {
            throw conflict("item.not-voidable", "当前状态（" + status.label() + "）不能作废");
        }
        String text = requireText(reason, "reason", "作废时必须填写理由");
        Item next = new Item(id, unitId, ItemStatus.VOIDED, draft, revisions, createdBy, createdAt, now,
                signOffRequestedBy, signOffRequestedAt, signOffOpinion, forwardedBy, forwardedAt,
                room.userId(), now, text, corrections, withdrawnBy, withdrawnAt, enteredOnBehalf);
        return new Transition(next, List.of(new ItemChange.Voided(id, unitId, text, now, room.userId())));
    }

    /** The room forwards a received item to the city government (转报市政府), once. */
    public Transition forwardToCity(Actor room, Instant now) {
        ItemPermissions.requireRoom(room, unitId);
        requireStatus(ItemStatus.RECEIVED, "item.not-received", "只能转报已接收的信息");
        if (forwardedAt != null) {
            throw conflict("item.already-forwarded", "该信息已转报市政府，不能重复转报");
        }
        Item next = new Item(id, unitId, status, draft, revisions, createdBy, createdAt, now,
                signOffRequestedBy, signOffRequestedAt, signOffOpinion, room.userId(), now,
                voidedBy, voidedAt, voidReason, corrections,
                withdrawnBy, withdrawnAt, enteredOnBehalf);
        return new Transition(next, List.of(new ItemChange.ForwardedToCity(id, unitId, now, room.userId())));
    }

    /** How a past item ended, as recorded in the room's old spreadsheets. */
    public enum PastOutcome { RECEIVED, VOIDED }

    /**
     * An item of an earlier year, entered by the room from its old records (补录). It gets the same events a live
     * item would have had, at their real times, so scoring counts it like any other.
     */
    public static Transition imported(String id, String unitId, ItemContent content, Instant submittedAt,
                                      PastOutcome outcome, Instant decidedAt, Instant forwardedAt, String voidReason,
                                      Actor room) {
        ItemPermissions.requireRoom(room, unitId);
        String by = room.userId();
        Revision revision = new Revision(1, content, submittedAt, by, null, null,
                outcome == PastOutcome.RECEIVED ? Revision.Outcome.RECEIVED : Revision.Outcome.PENDING,
                outcome == PastOutcome.RECEIVED ? by : null, outcome == PastOutcome.RECEIVED ? decidedAt : null, null,
                null);
        List<ItemChange> changes = new ArrayList<>();
        changes.add(new ItemChange.Submitted(id, unitId, 1, submittedAt, by));
        Item item;
        if (outcome == PastOutcome.RECEIVED) {
            changes.add(new ItemChange.Received(id, unitId, 1, submittedAt, decidedAt, by));
            if (forwardedAt != null) {
                changes.add(new ItemChange.ForwardedToCity(id, unitId, forwardedAt, by));
            }
            Instant last = forwardedAt != null && forwardedAt.isAfter(decidedAt) ? forwardedAt : decidedAt;
            item = new Item(id, unitId, ItemStatus.RECEIVED, content, List.of(revision), by, submittedAt, last,
                    null, null, null, forwardedAt == null ? null : by, forwardedAt, null, null, null, List.of(), null, null, null);
        } else {
            String reason = requireText(voidReason, "voidReason", "作废的信息必须填写作废理由");
            changes.add(new ItemChange.Voided(id, unitId, reason, decidedAt, by));
            item = new Item(id, unitId, ItemStatus.VOIDED, content, List.of(revision), by, submittedAt, decidedAt,
                    null, null, null, null, null, by, decidedAt, reason, List.of(), null, null, null);
        }
        return new Transition(item, changes);
    }

    /**
     * The information room enters an item for a unit that still sends by e-mail (代录). The item is the unit's (it
     * counts for the unit) and is SUBMITTED as at the time the unit sent it; from then on it is handled like any
     * submitted item, and a returned one goes back to the unit. It carries who of the room entered it and when.
     * A major event is entered as sent: the unit's leader approved it before the unit sent it.
     *
     * @param sentAt when the unit sent it (the e-mail's time), as the room reads it off; null means now
     */
    public static Transition enteredOnBehalf(String id, String unitId, ItemContent content, Instant sentAt,
                                             Actor room, Instant now) {
        if (!room.has(Role.INFO_ROOM)) {
            throw new ItemRuleException(ItemRuleException.Kind.FORBIDDEN, "item.room-only",
                    "只有旗政府办信息室可以代录信息");
        }
        Instant sent = sentAt == null ? now : sentAt;
        if (sent.isAfter(now)) {
            throw new ItemRuleException(INVALID, "item.sent-at-in-future", "报送时间不能晚于现在",
                    List.of(new Violation("sentAt", "报送时间不能晚于现在")));
        }
        // An e-mail of last month may still be entered early this month (the month's count is not yet closed);
        // anything older belongs to periods already counted and published, which only the history import fills.
        if (sent.isBefore(earliestSentAt(now))) {
            String message = "报送时间不能早于上月1日；更早的信息请通过历史信息导入补录";
            throw new ItemRuleException(INVALID, "item.sent-at-too-early", message,
                    List.of(new Violation("sentAt", message)));
        }
        ItemValidation.requireValidSubmission(content);
        Revision revision = new Revision(1, content, sent, room.userId(), null, null, Revision.Outcome.PENDING,
                null, null, null, null);
        EnteredOnBehalf entered = new EnteredOnBehalf(room.userId(), room.displayName(), now);
        Item item = new Item(id, unitId, ItemStatus.SUBMITTED, content, List.of(revision), room.userId(), now, now,
                null, null, null, null, null, null, null, null, List.of(), null, null, entered);
        return new Transition(item, List.of(new ItemChange.EnteredForUnit(id, unitId, now, room.userId()),
                new ItemChange.Submitted(id, unitId, 1, sent, room.userId())));
    }

    /** The earliest time an item entered for a unit may have been sent: the first of last month, Beijing. */
    public static Instant earliestSentAt(Instant now) {
        return BeijingTime.startOf(BeijingTime.dateOf(now).withDayOfMonth(1).minusMonths(1));
    }

    /** Whether the room entered the item for its unit (代录). */
    public boolean isEnteredOnBehalf() {
        return enteredOnBehalf != null;
    }

    public Optional<Revision> currentRevision() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    public Optional<Revision> revision(int number) {
        return revisions.stream().filter(r -> r.number() == number).findFirst();
    }

    /** The revision the room received, if any: the one that counts. */
    public Optional<Revision> receivedRevision() {
        return revisions.stream().filter(r -> r.outcome() == Revision.Outcome.RECEIVED).reduce((a, b) -> b);
    }

    /** When the latest revision reached the room, or null before the first submission. */
    public Instant lastSubmittedAt() {
        return currentRevision().map(Revision::submittedAt).orElse(null);
    }

    public boolean forwarded() {
        return forwardedAt != null;
    }

    private Transition toRoom(String submittedBy, String signedOffBy, Instant signedOffAt, String signOffOpinion,
                              Instant now, List<ItemChange> before) {
        int number = revisions.size() + 1;
        Revision revision = new Revision(number, draft, now, submittedBy, signedOffBy, signedOffAt,
                Revision.Outcome.PENDING, null, null, null, signOffOpinion);
        List<Revision> all = new ArrayList<>(revisions);
        all.add(revision);
        Item next = new Item(id, unitId, ItemStatus.SUBMITTED, draft, all, createdBy, createdAt, now,
                null, null, null, forwardedBy, forwardedAt, voidedBy, voidedAt, voidReason, corrections,
                withdrawnBy, withdrawnAt, enteredOnBehalf);
        List<ItemChange> changes = new ArrayList<>(before);
        changes.add(new ItemChange.Submitted(id, unitId, number, now, submittedBy));
        return new Transition(next, changes);
    }

    private Item with(ItemStatus newStatus, ItemContent newDraft, List<Revision> newRevisions, Instant now) {
        return new Item(id, unitId, newStatus, newDraft, newRevisions, createdBy, createdAt, now,
                signOffRequestedBy, signOffRequestedAt, signOffOpinion, forwardedBy, forwardedAt,
                voidedBy, voidedAt, voidReason, corrections,
                withdrawnBy, withdrawnAt, enteredOnBehalf);
    }

    private List<Revision> replaceLast(Revision revision) {
        List<Revision> all = new ArrayList<>(revisions);
        all.set(all.size() - 1, revision);
        return all;
    }

    private void requireStatus(ItemStatus expected, String code, String message) {
        if (status != expected) {
            throw conflict(code, message + "（当前状态：" + status.label() + "）");
        }
    }

    private static String requireText(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            throw new ItemRuleException(INVALID, "item." + field + "-required", message,
                    List.of(new Violation(field, message)));
        }
        return text.strip();
    }

    private static ItemRuleException conflict(String code, String message) {
        return new ItemRuleException(CONFLICT, code, message);
    }
}
