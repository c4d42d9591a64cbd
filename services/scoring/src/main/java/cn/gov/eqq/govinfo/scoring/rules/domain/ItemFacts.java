package cn.gov.eqq.govinfo.scoring.rules.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything scoring knows about one item, merged from events. Each merge keeps the winner by a total order that
 * does not depend on arrival (latest revision, earliest void, latest correction, latest answer revision, latest
 * judgement; event id breaks ties), and an event id already applied changes nothing.
 *
 * @param received       the received revision that counts (highest revision), or null while not received
 * @param voided         the earliest void, or null
 * @param forwards       every forward, ordered by time (the first one earns the bonus)
 * @param adoptions      records by record id; kept even before the item itself has arrived
 * @param answers        the latest answer (highest revision) per commission; a judgement of an earlier one lapses
 * @param judgements     the latest judgement per commission
 * @param voidedAnswers  commissions whose answer (this item) was voided; final, like a withdrawal
 * @param appliedEventIds the events already merged (deduplication)
 * @param correction     the room's latest correction of the item's classification, or null
 */
public record ItemFacts(String itemId, ItemFact.Received received, ItemFact.Voided voided,
                        List<ItemFact.Forwarded> forwards, Map<String, AdoptionRecord> adoptions,
                        Map<String, ItemFact.CommissionAnswer> answers,
                        Map<String, ItemFact.CommissionJudgement> judgements,
                        Map<String, ItemFact.CommissionAnswerVoid> voidedAnswers, Set<String> appliedEventIds,
                        ItemFact.Corrected correction) {

    private static final Comparator<ItemFact.Received> RECEIVED_ORDER = Comparator
            .comparingInt(ItemFact.Received::revision)
            .thenComparing(ItemFact.Received::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ItemFact.Received::eventId);
    private static final Comparator<ItemFact.Voided> VOID_ORDER = Comparator
            .comparing(ItemFact.Voided::voidedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemFact.Voided::eventId);
    private static final Comparator<ItemFact.Forwarded> FORWARD_ORDER = Comparator
            .comparing(ItemFact.Forwarded::forwardedAt).thenComparing(ItemFact.Forwarded::eventId);
    private static final Comparator<ItemFact.AdoptionState> STATE_ORDER = Comparator
            .comparing(ItemFact.AdoptionState::changedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ItemFact.AdoptionState::eventId);
    private static final Comparator<ItemFact.AdoptionWithdrawal> WITHDRAWAL_ORDER = Comparator
            .comparing(ItemFact.AdoptionWithdrawal::withdrawnAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemFact.AdoptionWithdrawal::eventId);
    private static final Comparator<ItemFact.CommissionAnswer> ANSWER_ORDER = Comparator
            .comparingInt(ItemFact.CommissionAnswer::revision)
            .thenComparing(ItemFact.CommissionAnswer::submittedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ItemFact.CommissionAnswer::eventId);
    private static final Comparator<ItemFact.CommissionJudgement> JUDGEMENT_ORDER = Comparator
            .comparing(ItemFact.CommissionJudgement::judgedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ItemFact.CommissionJudgement::eventId);

    private static final Comparator<ItemFact.Corrected> CORRECTION_ORDER = Comparator
            .comparing(ItemFact.Corrected::correctedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ItemFact.Corrected::eventId);

    private static final Comparator<ItemFact.CommissionAnswerVoid> ANSWER_VOID_ORDER = Comparator
            .comparing(ItemFact.CommissionAnswerVoid::voidedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemFact.CommissionAnswerVoid::eventId);

    public ItemFacts {
        forwards = forwards == null ? List.of() : List.copyOf(forwards);
        adoptions = adoptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(adoptions));
        // null in documents stored before answers were kept: a judgement then stands as it did
        answers = answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(answers));
        judgements = judgements == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(judgements));
        voidedAnswers = voidedAnswers == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(voidedAnswers));
        appliedEventIds = appliedEventIds == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new TreeSet<>(appliedEventIds));
    }

    public static ItemFacts empty(String itemId) {
        return new ItemFacts(itemId, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), null);
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** This item with one more fact; the same item unchanged when the fact's event was already applied. */
    public ItemFacts with(ItemFact fact) {
        if (!fact.itemId().equals(itemId)) {
            throw new IllegalArgumentException("fact for item " + fact.itemId() + " applied to " + itemId);
        }
        if (hasApplied(fact.eventId())) {
            return this;
        }
        Set<String> applied = new TreeSet<>(appliedEventIds);
        applied.add(fact.eventId());
        ItemFact.Received r = received;
        ItemFact.Voided v = voided;
        List<ItemFact.Forwarded> f = forwards;
        Map<String, AdoptionRecord> a = adoptions;
        Map<String, ItemFact.CommissionAnswer> ans = answers;
        Map<String, ItemFact.CommissionJudgement> j = judgements;
        Map<String, ItemFact.CommissionAnswerVoid> av = voidedAnswers;
        ItemFact.Corrected c = correction;
        // Java 17: no pattern matching for switch yet
        if (fact instanceof ItemFact.Received x) {
            r = max(r, x, RECEIVED_ORDER);
        } else if (fact instanceof ItemFact.Voided x) {
            v = v == null || VOID_ORDER.compare(x, v) < 0 ? x : v;
        } else if (fact instanceof ItemFact.Forwarded x) {
            List<ItemFact.Forwarded> all = new ArrayList<>(forwards);
            all.add(x);
            all.sort(FORWARD_ORDER);
            f = all;
        } else if (fact instanceof ItemFact.AdoptionState x) {
            Map<String, AdoptionRecord> all = new TreeMap<>(adoptions);
            AdoptionRecord old = all.get(x.recordId());
            ItemFact.AdoptionState previous = old == null ? null : old.state();
            ItemFact.AdoptionState winner = max(previous, x, STATE_ORDER);
            ItemFact.AdoptionState loser = winner == x ? previous : x;
            all.put(x.recordId(), new AdoptionRecord(x.recordId(), winner.withOriginOf(loser),
                    old == null ? null : old.withdrawal()));
            a = all;
        } else if (fact instanceof ItemFact.AdoptionWithdrawal x) {
            Map<String, AdoptionRecord> all = new TreeMap<>(adoptions);
            AdoptionRecord old = all.get(x.recordId());
            ItemFact.AdoptionWithdrawal w = old == null ? null : old.withdrawal();
            w = w == null || WITHDRAWAL_ORDER.compare(x, w) < 0 ? x : w;
            all.put(x.recordId(), new AdoptionRecord(x.recordId(), old == null ? null : old.state(), w));
            a = all;
        } else if (fact instanceof ItemFact.CommissionAnswer x) {
            Map<String, ItemFact.CommissionAnswer> all = new TreeMap<>(answers);
            all.put(x.commissionId(), max(all.get(x.commissionId()), x, ANSWER_ORDER));
            ans = all;
        } else if (fact instanceof ItemFact.CommissionJudgement x) {
            Map<String, ItemFact.CommissionJudgement> all = new TreeMap<>(judgements);
            all.put(x.commissionId(), max(all.get(x.commissionId()), x, JUDGEMENT_ORDER));
            j = all;
        } else if (fact instanceof ItemFact.CommissionAnswerVoid x) {
            Map<String, ItemFact.CommissionAnswerVoid> all = new TreeMap<>(voidedAnswers);
            ItemFact.CommissionAnswerVoid old = all.get(x.commissionId());
            all.put(x.commissionId(), old == null || ANSWER_VOID_ORDER.compare(x, old) < 0 ? x : old);
            av = all;
        } else if (fact instanceof ItemFact.Corrected x) {
            c = max(c, x, CORRECTION_ORDER);
        }
        return new ItemFacts(itemId, r, v, f, a, ans, j, av, applied, c);
    }

    /**
     * The received revision as it counts: with the category and the 重大紧急 flag of the room's latest correction of
     * that revision, else as the unit sent it; null while not received.
     */
    public ItemFact.Received countedAs() {
        if (received == null || correction == null || correction.revision() != received.revision()) {
            return received;
        }
        return new ItemFact.Received(received.eventId(), received.itemId(), received.unitId(), received.revision(),
                received.title(), correction.category(), correction.majorEmergency(), received.submittedAt(),
                received.receivedAt(), received.commissionId());
    }

    /** The correction that applies to the received revision, or null. */
    public ItemFact.Corrected appliedCorrection() {
        return received != null && correction != null && correction.revision() == received.revision()
                ? correction : null;
    }

    /**
     * The item's unit: its own (from the received revision) when known, else what other facts say (e.g. an
     * adoption recorded before the item arrived).
     */
    public String unitId() {
        if (received != null) {
            return received.unitId();
        }
        return Stream.of(
                        Stream.ofNullable(voided).map(ItemFact.Voided::unitId),
                        forwards.stream().map(ItemFact.Forwarded::unitId),
                        adoptions.values().stream().map(AdoptionRecord::state)
                                .filter(java.util.Objects::nonNull).map(ItemFact.AdoptionState::unitId),
                        answers.values().stream().map(ItemFact.CommissionAnswer::unitId),
                        judgements.values().stream().map(ItemFact.CommissionJudgement::unitId))
                .flatMap(s -> s)
                .filter(u -> u != null && !u.isBlank())
                .findFirst().orElse(null);
    }

    private static <T> T max(T current, T candidate, Comparator<T> order) {
        return current == null || order.compare(candidate, current) > 0 ? candidate : current;
    }
}
