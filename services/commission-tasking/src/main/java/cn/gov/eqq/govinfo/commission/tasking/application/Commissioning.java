package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.CommissionDomainEvent;
import cn.gov.eqq.govinfo.commission.tasking.domain.CommissionRuleViolation;
import cn.gov.eqq.govinfo.commission.tasking.domain.CommissionStatistics;
import cn.gov.eqq.govinfo.commission.tasking.domain.NewCommission;
import cn.gov.eqq.govinfo.commission.tasking.domain.ScoredBonus;
import cn.gov.eqq.govinfo.commission.tasking.domain.UnitTally;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Commissioning units: issuing, answering (from intake's item events), judging, voiding, and the queries. Refusals
 * are {@link UseCaseFailure}s (the web adapter answers them as RFC 9457 problems; the Kafka listener dead-letters).
 */
public class Commissioning {

    /** The information room judges one answer: accepted, or not with a reason. */
    public record JudgeAnswer(String commissionId, String itemId, boolean accepted, String reason, String judgedBy) {
    }

    /** Intake says an item answering this commission was submitted ({@code received} false) or received. */
    public record RecordAnswer(String commissionId, String itemId, String unitId, int revision, Instant submittedAt,
                               boolean received) {
    }

    static final int MAX_ATTEMPTS = 8;

    private final CommissionStore store;
    private final UnitDirectory units;
    private final IntegrationEvents events;
    private final ScoredBonuses bonuses;
    private final Clock clock;
    private final Runnable afterWrite;

    /** @param afterWrite called after each write that queued events (asks the outbox relay to publish now) */
    public Commissioning(CommissionStore store, UnitDirectory units, IntegrationEvents events, ScoredBonuses bonuses,
                         Clock clock, Runnable afterWrite) {
        this.store = store;
        this.units = units;
        this.events = events;
        this.bonuses = bonuses;
        this.clock = clock;
        this.afterWrite = afterWrite;
    }

    public Commission issue(NewCommission command, String issuedBy) {
        Instant now = clock.instant();
        String id = "CMS-" + UUID.randomUUID();
        Commission.Issuing issuing = translated(() -> Commission.issue(id, command, issuedBy, now, units::isActive));
        store.insert(issuing.commission(), events.outboxEntries(issuing.events(), now));
        afterWrite.run();
        return issuing.commission();
    }

    public Commission judge(JudgeAnswer command) {
        return change(command.commissionId(), c -> c.judge(command.itemId(), command.accepted(), command.reason(),
                command.judgedBy(), clock.instant()));
    }

    /**
     * An item event from intake names this commission. Unknown commissions and units the commission was not sent
     * to are refused (the listener dead-letters them); a repeated or older revision changes nothing.
     */
    public void recordAnswer(RecordAnswer command) {
        change(command.commissionId(), c -> c.recordAnswer(command.itemId(), command.unitId(), command.revision(),
                command.submittedAt(), command.received()));
    }

    /** Intake voided an item; when it answered a commission, the answer stops counting. */
    public void voidAnswer(String itemId, String reason, Instant voidedAt) {
        store.findByAnswerItem(itemId).ifPresent(c -> change(c.id(), x -> x.voidAnswer(itemId, reason, voidedAt)));
    }

    public Commission get(String commissionId) {
        return store.find(commissionId).orElseThrow(() -> notFound(commissionId));
    }

    public List<Commission> list(String targetUnitId) {
        return store.list(targetUnitId, null, null);
    }

    /**
     * Per-unit figures for a circular over the commissions whose deadline falls within the Beijing dates
     * {@code from}..{@code to} (both included; either may be open).
     */
    public List<UnitTally> statistics(LocalDate from, LocalDate to, String onlyUnit) {
        for (LocalDate d : new LocalDate[]{from, to}) {
            if (d != null && (d.getYear() < 2000 || d.getYear() > 2200)) {
                throw UseCaseFailure.invalid("statistics.bad-date", "日期超出范围：" + d);
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw UseCaseFailure.invalid("statistics.bad-range", "结束日期不能早于开始日期");
        }
        Instant start = from == null ? null : from.atStartOfDay(BeijingTime.ZONE).toInstant();
        Instant end = to == null ? null
                : to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant();
        List<Commission> commissions = store.list(onlyUnit, start, end);
        List<UnitTally> all = CommissionStatistics.tally(commissions, clock.instant(), scoredBonusesOf(commissions));
        return onlyUnit == null ? all : all.stream().filter(t -> t.unitId().equals(onlyUnit)).toList();
    }

    /** Scoring decided an item's score; what it says of a commission bonus is kept (only newer decisions). */
    public void recordScore(ScoredBonus bonus) {
        bonuses.keepIfNewer(bonus);
    }

    /** Scoring's bonus decisions on the answers to these commissions, by item id, in one read. */
    public Map<String, ScoredBonus> scoredBonusesOf(Collection<Commission> commissions) {
        Set<String> items = new HashSet<>();
        commissions.forEach(c -> items.addAll(c.answerItemIds()));
        return items.isEmpty() ? Map.of() : bonuses.of(items);
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Read, change, conditionally write; on a concurrent write read again (the change is re-decided on fresh state).
     * What decides the write is whether the commission changed, not whether the change published anything: the room
     * receiving an answer changes it without an event.
     */
    Commission change(String commissionId, Function<Commission, List<CommissionDomainEvent>> command) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Commission commission = get(commissionId);
            List<CommissionDomainEvent> caused = translated(() -> command.apply(commission));
            if (!commission.hasUnsavedChanges()) {
                return commission;
            }
            if (store.update(commission, events.outboxEntries(caused, clock.instant()))) {
                if (!caused.isEmpty()) {
                    afterWrite.run();
                }
                return commission;
            }
        }
        throw UseCaseFailure.conflict("commission.busy", "约稿正被他人同时修改，请稍后重试");
    }

    static <T> T translated(Supplier<T> action) {
        try {
            return action.get();
        } catch (CommissionRuleViolation e) {
            throw switch (e.kind()) {
                case INVALID -> UseCaseFailure.invalid(e.code(), e.getMessage());
                case NOT_FOUND -> UseCaseFailure.notFound(e.code(), e.getMessage());
                case CONFLICT -> UseCaseFailure.conflict(e.code(), e.getMessage());
            };
        }
    }

    /** "Not there": also the answer to a unit asking for a commission that was not sent to it. */
    public static UseCaseFailure notFound(String commissionId) {
        return UseCaseFailure.notFound("约稿 " + commissionId + " 不存在");
    }
}
