package cn.gov.eqq.govinfo.scoring.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever order events arrive in, and however often each is delivered, an item's facts, its ledger and the
 * unit's period scores come out the same.
 */
class OrderIndependencePropertiesTest {

    private static final String[] UNITS = {"U006", "U007"};
    private static final String[] KINDS = {"STATE_COUNCIL_ADOPTED", "CENTRAL_LEADER_INSTRUCTION",
            "REGION_DAILY_BRIEF_ADOPTED", "REGION_LEADER_INSTRUCTION", "CITY_BULLETIN_ADOPTED",
            "CITY_LEADER_INSTRUCTION", "UNKNOWN_KIND"};
    private static final String[] CATEGORIES = {"BRIEF", "DYNAMIC", "PROBLEM", "RESEARCH_REPORT", "PODCAST"};
    private static final Instant BASE = Facts.bj("2026-06-20T00:00");

    @Property(tries = 300)
    void itemLedgerDoesNotDependOnArrivalOrderOrDuplicates(@ForAll("itemFacts") List<ItemFact> facts,
                                                           @ForAll long seed) {
        List<ItemFact> arrival = shuffledWithDuplicates(facts, new Random(seed));

        ItemFacts inOrder = Facts.fold("X", facts);
        ItemFacts shuffled = Facts.fold("X", arrival);

        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(ItemScoring.score(shuffled, Facts.SHIPPED)).isEqualTo(ItemScoring.score(inOrder, Facts.SHIPPED));
    }

    @Property(tries = 200)
    void applyingAnyFactASecondTimeChangesNothing(@ForAll("itemFacts") List<ItemFact> facts) {
        ItemFacts once = Facts.fold("X", facts);
        for (ItemFact fact : facts) {
            assertThat(once.with(fact)).isEqualTo(once);
        }
    }

    @Property(tries = 100)
    void unitQuarterScoresDoNotDependOnArrivalOrder(@ForAll("unitFacts") List<ItemFact> facts, @ForAll long seed) {
        List<ItemFact> arrival = shuffledWithDuplicates(facts, new Random(seed));
        LocalDate today = LocalDate.of(2026, 12, 5);
        UnitDirectory directory = new UnitDirectory(List.of(new Unit("U006", "发改委", 2, true, null),
                new Unit("U007", "教体局", 2, true, null)));

        Ranking expected = PeriodScoring.rank(2, Period.quarter(2026, 3), directory, ledgerByUnit(facts),
                Facts.SHIPPED, today);
        Ranking actual = PeriodScoring.rank(2, Period.quarter(2026, 3), directory, ledgerByUnit(arrival),
                Facts.SHIPPED, today);

        assertThat(actual).isEqualTo(expected);
    }

    private static Map<String, List<LedgerEntry>> ledgerByUnit(List<ItemFact> facts) {
        Map<String, ItemFacts> items = new HashMap<>();
        for (ItemFact f : facts) {
            items.computeIfAbsent(f.itemId(), ItemFacts::empty);
            items.put(f.itemId(), items.get(f.itemId()).with(f));
        }
        Map<String, List<LedgerEntry>> byUnit = new HashMap<>();
        items.values().forEach(i -> ItemScoring.score(i, Facts.SHIPPED)
                .forEach(e -> byUnit.computeIfAbsent(e.unitId(), u -> new ArrayList<>()).add(e)));
        return byUnit;
    }

    private static List<ItemFact> shuffledWithDuplicates(List<ItemFact> facts, Random random) {
        List<ItemFact> arrival = new ArrayList<>(facts);
        for (ItemFact f : facts) {
            if (random.nextInt(3) == 0) {
                arrival.add(f);
            }
        }
        Collections.shuffle(arrival, random);
        return arrival;
    }

    @Provide
    Arbitrary<List<ItemFact>> itemFacts() {
        return fact(Arbitraries.just("X")).list().ofMinSize(1).ofMaxSize(14).map(OrderIndependencePropertiesTest::unique);
    }

    @Provide
    Arbitrary<List<ItemFact>> unitFacts() {
        return fact(Arbitraries.of("A", "B", "C", "D", "E")).list().ofMinSize(1).ofMaxSize(40)
                .map(OrderIndependencePropertiesTest::unique);
    }

    /** Event ids are unique per generated fact; equal facts in the arrival list are then true duplicates. */
    private static List<ItemFact> unique(List<ItemFact> facts) {
        List<ItemFact> out = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            out.add(withEventId(facts.get(i), "ev" + i));
        }
        return out;
    }

    private static Arbitrary<ItemFact> fact(Arbitrary<String> items) {
        Arbitrary<String> unit = Arbitraries.of(UNITS);
        Arbitrary<Instant> time = Arbitraries.integers().between(0, 150 * 24).map(h -> BASE.plusSeconds(h * 3600L));
        Arbitrary<String> record = Arbitraries.of("r1", "r2", "r3");
        Arbitrary<ItemFact> received = Combinators.combine(items, unit, Arbitraries.integers().between(1, 3),
                        Arbitraries.of(CATEGORIES), Arbitraries.of(true, false), time)
                .as((i, u, rev, cat, emergency, t) -> new ItemFact.Received("?", i, u, rev, "标题" + i, cat,
                        emergency, t, t.plusSeconds(86400), null));
        Arbitrary<ItemFact> voided = Combinators.combine(items, unit, time)
                .as((i, u, t) -> new ItemFact.Voided("?", i, u, "作废", t));
        Arbitrary<ItemFact> forwarded = Combinators.combine(items, unit, time)
                .as((i, u, t) -> new ItemFact.Forwarded("?", i, u, t));
        Arbitrary<ItemFact> adoption = Combinators.combine(items, unit, record, Arbitraries.of(KINDS), time, time)
                .as((i, u, r, k, day, changed) -> new ItemFact.AdoptionState("?", i, r, u, k, null, null, null,
                        Period.beijingDateOf(day), changed));
        Arbitrary<ItemFact> withdrawal = Combinators.combine(items, record, time)
                .as((i, r, t) -> new ItemFact.AdoptionWithdrawal("?", i, r, "撤回", t));
        Arbitrary<ItemFact> judgement = Combinators.combine(items, unit, Arbitraries.of("K1", "K2"), time, time,
                        Arbitraries.of(true, false), time)
                .as((i, u, k, answered, deadline, accepted, judgedAt) -> new ItemFact.CommissionJudgement("?", i, k,
                        u, answered, deadline, accepted, null, judgedAt));
        Arbitrary<ItemFact> answerVoid = Combinators.combine(items, Arbitraries.of("K1", "K2"), time)
                .as((i, k, t) -> new ItemFact.CommissionAnswerVoid("?", i, k, "作废", t));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, answerVoid),
                net.jqwik.api.Tuple.of(3, received), net.jqwik.api.Tuple.of(1, voided),
                net.jqwik.api.Tuple.of(2, forwarded), net.jqwik.api.Tuple.of(5, adoption),
                net.jqwik.api.Tuple.of(2, withdrawal), net.jqwik.api.Tuple.of(2, judgement));
    }

    private static ItemFact withEventId(ItemFact f, String id) {
        if (f instanceof ItemFact.Received x) {
            return new ItemFact.Received(id, x.itemId(), x.unitId(), x.revision(), x.title(), x.category(),
                    x.majorEmergency(), x.submittedAt(), x.receivedAt(), x.commissionId());
        } else if (f instanceof ItemFact.Voided x) {
            return new ItemFact.Voided(id, x.itemId(), x.unitId(), x.reason(), x.voidedAt());
        } else if (f instanceof ItemFact.Forwarded x) {
            return new ItemFact.Forwarded(id, x.itemId(), x.unitId(), x.forwardedAt());
        } else if (f instanceof ItemFact.AdoptionState x) {
            return new ItemFact.AdoptionState(id, x.itemId(), x.recordId(), x.unitId(), x.kind(), x.publication(),
                    x.issueNo(), x.leader(), x.effectiveDate(), x.changedAt());
        } else if (f instanceof ItemFact.AdoptionWithdrawal x) {
            return new ItemFact.AdoptionWithdrawal(id, x.itemId(), x.recordId(), x.reason(), x.withdrawnAt());
        } else if (f instanceof ItemFact.CommissionJudgement x) {
            return new ItemFact.CommissionJudgement(id, x.itemId(), x.commissionId(), x.unitId(),
                    x.answerSubmittedAt(), x.deadline(), x.accepted(), x.reason(), x.judgedAt());
        } else if (f instanceof ItemFact.CommissionAnswerVoid x) {
            return new ItemFact.CommissionAnswerVoid(id, x.itemId(), x.commissionId(), x.reason(), x.voidedAt());
        }
        throw new IllegalArgumentException(f.toString());
    }
}
