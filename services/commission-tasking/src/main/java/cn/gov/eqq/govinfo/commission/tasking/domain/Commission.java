package cn.gov.eqq.govinfo.commission.tasking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A commission (约稿): the room asks named units for a piece by a deadline, units answer with items, the room judges
 * each answer, and units that have not answered are reminded before the deadline and when it has passed.
 * Every command returns the events it caused; a command that changes nothing returns none (so redelivered input
 * is harmless). A change need not publish anything (the room receiving an answer, a reminder's e-mail being sent):
 * whether there is something to save is {@link #hasUnsavedChanges()}, never whether there are events.
 */
public final class Commission {

    public static final int MAX_TITLE = 200;
    public static final int MAX_REQUIREMENTS = 5000;
    public static final int MAX_REASON = 1000;
    /** A typo guard (e.g. 2062 for 2026), not a rule of the notice. */
    public static final Duration MAX_HORIZON = Duration.ofDays(2 * 366);

    private final String id;
    private final String title;
    private final String requirements;
    private final List<String> targetUnitIds;
    private final Deadline deadline;
    private final String issuedBy;
    private final Instant issuedAt;
    private final Map<String, Answer> answers;
    private final List<Reminder> reminders;
    private boolean remindersDone;
    private final long version;
    /** Set by every state change since this instance was restored or issued; storage writes when it is set. */
    private boolean changed;

    private Commission(String id, String title, String requirements, List<String> targetUnitIds, Deadline deadline,
                       String issuedBy, Instant issuedAt, List<Answer> answers, List<Reminder> reminders,
                       boolean remindersDone, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = title;
        this.requirements = requirements;
        this.targetUnitIds = List.copyOf(targetUnitIds);
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.answers = new LinkedHashMap<>();
        answers.forEach(a -> this.answers.put(a.itemId(), a));
        this.reminders = new ArrayList<>(reminders);
        this.remindersDone = remindersDone;
        this.version = version;
    }

    /** Rebuilds a commission from storage, exactly as it was saved. */
    public static Commission restore(String id, String title, String requirements, List<String> targetUnitIds,
                                     Deadline deadline, String issuedBy, Instant issuedAt, List<Answer> answers,
                                     List<Reminder> reminders, boolean remindersDone, long version) {
        return new Commission(id, title, requirements, targetUnitIds, deadline, issuedBy, issuedAt, answers,
                reminders, remindersDone, version);
    }

    public record Issuing(Commission commission, List<CommissionDomainEvent> events) {
    }

    /**
     * Issues a commission. {@code knownUnit} tells whether a unit id names an active reporting unit.
     */
    public static Issuing issue(String id, NewCommission command, String issuedBy, Instant now,
                                Function<String, Boolean> knownUnit) {
        String title = trimmed(command.title());
        String requirements = trimmed(command.requirements());
        if (title == null) {
            throw CommissionRuleViolation.invalid("commission.title-required", "约稿标题不能为空");
        }
        if (title.length() > MAX_TITLE) {
            throw CommissionRuleViolation.invalid("commission.title-too-long", "约稿标题不能超过" + MAX_TITLE + "字");
        }
        if (requirements == null) {
            throw CommissionRuleViolation.invalid("commission.requirements-required", "约稿要求不能为空");
        }
        if (requirements.length() > MAX_REQUIREMENTS) {
            throw CommissionRuleViolation.invalid("commission.requirements-too-long",
                    "约稿要求不能超过" + MAX_REQUIREMENTS + "字");
        }
        if (command.targetUnitIds() == null || command.targetUnitIds().isEmpty()) {
            throw CommissionRuleViolation.invalid("commission.targets-required", "请至少选择一个约稿单位");
        }
        LinkedHashSet<String> targets = new LinkedHashSet<>();
        for (String unitId : command.targetUnitIds()) {
            String unit = trimmed(unitId);
            if (unit == null || !Boolean.TRUE.equals(knownUnit.apply(unit))) {
                throw CommissionRuleViolation.invalid("commission.unknown-unit",
                        "约稿单位不存在或已撤销：" + (unit == null ? "（空）" : unit));
            }
            targets.add(unit);
        }
        if (command.deadlineBeijing() == null) {
            throw CommissionRuleViolation.invalid("commission.deadline-required", "请填写截止时间（北京时间）");
        }
        Deadline deadline = Deadline.ofBeijingMinute(command.deadlineBeijing());
        if (deadline.hasPassed(now)) {
            throw CommissionRuleViolation.invalid("commission.deadline-passed",
                    "截止时间 " + deadline.display() + " 已过，请重新填写");
        }
        if (deadline.instant().isAfter(now.plus(MAX_HORIZON))) {
            throw CommissionRuleViolation.invalid("commission.deadline-too-far",
                    "截止时间 " + deadline.display() + " 距今超过两年，请核对");
        }
        Commission commission = new Commission(id, title, requirements, List.copyOf(targets), deadline, issuedBy, now,
                List.of(), List.of(), false, 0);
        return new Issuing(commission, List.of(new CommissionDomainEvent.Issued(id, title, requirements,
                commission.targetUnitIds, deadline, issuedBy, now)));
    }

    /**
     * A commission brought in from the room's records (补录), checked whole by {@link CommissionImportCheck}: its
     * deadline may have passed, its answers count as received by the room, and each judged answer carries the
     * room's verdict. The events are those the live commission would have published, at their real times; a
     * commission whose deadline has passed sends no reminders.
     */
    public static Issuing imported(PastCommission past, String importedBy, Instant now) {
        List<Answer> answers = new ArrayList<>();
        List<CommissionDomainEvent> events = new ArrayList<>();
        events.add(new CommissionDomainEvent.Issued(past.id(), past.title(), past.requirements(),
                past.targetUnitIds(), past.deadline(), importedBy, past.issuedAt()));
        for (PastCommission.Answer a : past.answers()) {
            Judgement judgement = a.judged() ? new Judgement(a.accepted(), a.reason(), importedBy, a.judgedAt()) : null;
            answers.add(new Answer(a.itemId(), a.unitId(), a.revision(), a.answeredAt(), true, judgement, null, null));
            events.add(new CommissionDomainEvent.Answered(past.id(), a.unitId(), a.itemId(), a.revision(),
                    a.answeredAt(), past.deadline(), past.deadline().isMetBy(a.answeredAt())));
            if (judgement != null) {
                events.add(new CommissionDomainEvent.AnswerJudged(past.id(), a.unitId(), a.itemId(), a.answeredAt(),
                        past.deadline(), a.accepted(), a.reason(), importedBy, a.judgedAt()));
            }
        }
        Commission commission = new Commission(past.id(), past.title(), past.requirements(), past.targetUnitIds(),
                past.deadline(), importedBy, past.issuedAt(), answers, List.of(), past.deadline().hasPassed(now), 0);
        return new Issuing(commission, List.copyOf(events));
    }

    /**
     * A unit submitted (or the room received) an item linked to this commission. The latest revision counts; an
     * older or repeated revision changes nothing. An item from a unit the commission was not sent to is refused.
     */
    public List<CommissionDomainEvent> recordAnswer(String itemId, String unitId, int revision, Instant submittedAt,
                                                    boolean received) {
        if (!isTarget(unitId)) {
            throw CommissionRuleViolation.invalid("commission.not-a-target",
                    "单位 " + unitId + " 不在约稿《" + title + "》的约稿单位之中");
        }
        Answer existing = answers.get(itemId);
        if (existing != null && !existing.unitId().equals(unitId)) {
            throw CommissionRuleViolation.conflict("commission.answer-unit-mismatch",
                    "稿件 " + itemId + " 已由其他单位报送");
        }
        if (existing != null && existing.voided()) {
            return List.of(); // a voided item never comes back
        }
        if (existing != null && revision < existing.revision()) {
            return List.of();
        }
        if (existing != null && revision == existing.revision()) {
            if (received && !existing.received()) {
                putAnswer(existing.markReceived());
            }
            return List.of();
        }
        Answer answer = existing == null
                ? new Answer(itemId, unitId, revision, submittedAt, received, null, null, null)
                : existing.withRevision(revision, submittedAt, received);
        putAnswer(answer);
        return List.of(new CommissionDomainEvent.Answered(id, unitId, itemId, revision, submittedAt, deadline,
                deadline.isMetBy(submittedAt)));
    }

    /** The room accepts an answer as meeting the request, or rejects it (a reason is required). */
    public List<CommissionDomainEvent> judge(String itemId, boolean accepted, String reason, String judgedBy,
                                             Instant now) {
        Answer answer = answers.get(itemId);
        if (answer == null) {
            throw CommissionRuleViolation.notFound("commission.answer-not-found",
                    "约稿《" + title + "》没有稿件 " + itemId);
        }
        if (answer.voided()) {
            throw CommissionRuleViolation.conflict("commission.answer-voided", "稿件 " + itemId + " 已作废，不能审核");
        }
        if (!answer.received()) {
            // an answer is judged on the version the room received
            throw CommissionRuleViolation.conflict("commission.answer-not-received",
                    "该稿件的最新版本尚未被信息室接收，请先接收后再审核");
        }
        String why = trimmed(reason);
        if (!accepted && why == null) {
            throw CommissionRuleViolation.invalid("commission.reason-required", "不采纳时必须填写理由");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw CommissionRuleViolation.invalid("commission.reason-too-long", "理由不能超过" + MAX_REASON + "字");
        }
        Judgement judgement = new Judgement(accepted, why, judgedBy, now);
        putAnswer(answer.judged(judgement));
        return List.of(new CommissionDomainEvent.AnswerJudged(id, answer.unitId(), itemId, answer.submittedAt(),
                deadline, accepted, why, judgedBy, now));
    }

    /** The room voided the item: the answer no longer counts anywhere. */
    public List<CommissionDomainEvent> voidAnswer(String itemId, String reason, Instant at) {
        Answer answer = answers.get(itemId);
        if (answer == null || answer.voided()) {
            return List.of();
        }
        putAnswer(answer.voidedBecause(reason, at));
        return List.of(new CommissionDomainEvent.AnswerVoided(id, answer.unitId(), itemId, reason, at));
    }

    /**
     * Claims the reminders due at {@code now} for every target unit that has not answered: at most one per kind and
     * unit, ever. After the deadline the overdue reminder goes out once, each unit still without an answer is
     * declared overdue, and the commission needs no more sweeping.
     *
     * @param mailAddressOf the unit's e-mail address, or null when it has none
     */
    public List<CommissionDomainEvent> claimDueReminders(Instant now, ReminderSchedule schedule,
                                                         Function<String, String> unitNameOf,
                                                         Function<String, String> mailAddressOf) {
        if (remindersDone) {
            return List.of();
        }
        List<CommissionDomainEvent> events = new ArrayList<>();
        boolean passed = deadline.hasPassed(now);
        Optional<Duration> current = schedule.currentOffset(deadline, now);
        for (String unitId : targetUnitIds) {
            if (outcomeOf(unitId, now).answered()) {
                continue;
            }
            String kind;
            if (passed) {
                kind = Reminder.OVERDUE;
            } else if (current.isPresent()) {
                kind = ReminderSchedule.kindOf(current.get());
            } else {
                continue;
            }
            if (reminderFor(kind, unitId).isPresent()) {
                continue;
            }
            String unitName = Optional.ofNullable(unitNameOf.apply(unitId)).orElse(unitId);
            String subject = passed ? "【约稿逾期】" + title : "【约稿提醒】" + title;
            String message = passed
                    ? unitName + "：约稿《" + title + "》已于 " + deadline.display()
                      + "（北京时间）截止，贵单位尚未报送。请尽快报送；逾期报送不计约稿加分。"
                    : unitName + "：约稿《" + title + "》将于 " + deadline.display() + "（北京时间）截止，距截止不足"
                      + ReminderSchedule.describe(current.get()) + "，贵单位尚未报送，请按要求及时报送。";
            String address = mailAddressOf.apply(unitId);
            Reminder reminder = new Reminder(kind, unitId, now, subject, message, MailDelivery.to(address));
            reminders.add(reminder);
            changed = true;
            if (passed) {
                events.add(new CommissionDomainEvent.WentOverdue(id, unitId, deadline, now));
            }
            events.add(new CommissionDomainEvent.ReminderPosted(id, unitId, kind, deadline, now,
                    reminder.mail().to()));
        }
        if (passed) {
            remindersDone = true;
            changed = true;
        }
        return events;
    }

    /** Takes the e-mail copies that may be sent now, holding each for {@code lease} so no other sender takes it. */
    public List<Reminder> takeMailToSend(Instant now, Duration lease) {
        List<Reminder> taken = new ArrayList<>();
        for (int i = 0; i < reminders.size(); i++) {
            Reminder r = reminders.get(i);
            if (r.mail().sendableAt(now)) {
                MailDelivery m = r.mail();
                Reminder held = r.withMail(new MailDelivery(MailStatus.SENDING, m.to(), m.attempts() + 1,
                        now.plus(lease), null, m.lastError()));
                reminders.set(i, held);
                changed = true;
                taken.add(held);
            }
        }
        return taken;
    }

    public void mailSent(String kind, String unitId, Instant at) {
        replaceMail(kind, unitId, m -> new MailDelivery(MailStatus.SENT, m.to(), m.attempts(), null, at, null));
    }

    /** A failed send is retried until {@code maxAttempts}, then left as FAILED (the portal notice stands). */
    public void mailFailed(String kind, String unitId, String error, int maxAttempts) {
        replaceMail(kind, unitId, m -> new MailDelivery(
                m.attempts() >= maxAttempts ? MailStatus.FAILED : MailStatus.PENDING, m.to(), m.attempts(), null,
                null, error));
    }

    private void replaceMail(String kind, String unitId, Function<MailDelivery, MailDelivery> change) {
        for (int i = 0; i < reminders.size(); i++) {
            Reminder r = reminders.get(i);
            if (r.kind().equals(kind) && r.unitId().equals(unitId)) {
                reminders.set(i, r.withMail(change.apply(r.mail())));
                changed = true;
                return;
            }
        }
        throw new IllegalArgumentException("no reminder " + kind + " for " + unitId + " in " + id);
    }

    public Optional<Reminder> reminderFor(String kind, String unitId) {
        return reminders.stream().filter(r -> r.kind().equals(kind) && r.unitId().equals(unitId)).findFirst();
    }

    public boolean isTarget(String unitId) {
        return targetUnitIds.contains(unitId);
    }

    /** Open for a unit: addressed to it, not past the deadline, and not yet answered by it. */
    public boolean isOpenFor(String unitId, Instant now) {
        return isTarget(unitId) && outcomeOf(unitId, now).open();
    }

    public UnitOutcome outcomeOf(String unitId, Instant now) {
        Comparator<Answer> best = Comparator
                .comparing((Answer a) -> deadline.isMetBy(a.submittedAt()))
                .thenComparing(a -> a.accepted() ? 2 : a.pending() ? 1 : 0)
                .thenComparing(Answer::submittedAt);
        Answer counted = answers.values().stream()
                .filter(a -> a.unitId().equals(unitId) && a.counts())
                .max(best)
                .orElse(null);
        return new UnitOutcome(unitId, counted, counted != null && deadline.isMetBy(counted.submittedAt()),
                deadline.hasPassed(now));
    }

    /**
     * How many of the unit's items answering this commission scoring credited with the +10 (每条加10分): one unit may
     * earn it more than once. Scoring decides; an item scoring has not yet scored counts nothing yet.
     *
     * @param scored scoring's decisions by item id
     */
    public int bonusItemsOf(String unitId, Map<String, ScoredBonus> scored) {
        return (int) answers.values().stream()
                .filter(a -> a.unitId().equals(unitId))
                .map(a -> scored.get(a.itemId()))
                .filter(s -> s != null && s.earned())
                .count();
    }

    /** The items answering this commission, of every unit. */
    public Set<String> answerItemIds() {
        return Set.copyOf(answers.keySet());
    }

    public List<UnitOutcome> outcomes(Instant now) {
        return targetUnitIds.stream().map(u -> outcomeOf(u, now)).toList();
    }

    public List<Answer> answersOf(String unitId) {
        return answers.values().stream().filter(a -> a.unitId().equals(unitId)).toList();
    }

    public Optional<Answer> answer(String itemId) {
        return Optional.ofNullable(answers.get(itemId));
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String requirements() {
        return requirements;
    }

    public List<String> targetUnitIds() {
        return targetUnitIds;
    }

    public Deadline deadline() {
        return deadline;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public List<Answer> answers() {
        return List.copyOf(answers.values());
    }

    public List<Reminder> reminders() {
        return List.copyOf(reminders);
    }

    public boolean remindersDone() {
        return remindersDone;
    }

    /**
     * Whether a command changed this commission since it was restored (or issued): then it must be written, whether
     * or not the change published an event.
     */
    public boolean hasUnsavedChanges() {
        return changed;
    }

    private void putAnswer(Answer answer) {
        answers.put(answer.itemId(), answer);
        changed = true;
    }

    /** The stored version this state was read at; storage uses it to refuse a write over a newer state. */
    public long version() {
        return version;
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
