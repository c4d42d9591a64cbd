package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fixture: facts in Beijing time, and the shipped policy. */
final class Facts {

    static final PolicyHistory SHIPPED = PolicyHistory.of(List.of(PolicyJson.shipped()));
    private static final AtomicInteger IDS = new AtomicInteger();

    private Facts() {
    }

    static String eventId() {
        return "e" + IDS.incrementAndGet();
    }

    /** A Beijing wall-clock time, e.g. {@code bj("2026-08-01T00:30")}. */
    static Instant bj(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BeijingTime.ZONE).toInstant();
    }

    static ItemFact.Received received(String item, String unit, String category, String submittedBj) {
        return new ItemFact.Received(eventId(), item, unit, 1, "标题" + item, category, false, bj(submittedBj),
                bj(submittedBj).plusSeconds(3600), null);
    }

    static ItemFact.Received receivedEmergency(String item, String unit, String category, String submittedBj) {
        return new ItemFact.Received(eventId(), item, unit, 1, "标题" + item, category, true, bj(submittedBj),
                bj(submittedBj).plusSeconds(3600), null);
    }

    static ItemFact.Forwarded forwarded(String item, String unit, String atBj) {
        return new ItemFact.Forwarded(eventId(), item, unit, bj(atBj));
    }

    static ItemFact.Voided voided(String item, String unit, String atBj) {
        return new ItemFact.Voided(eventId(), item, unit, "内容与事实不符", bj(atBj));
    }

    static ItemFact.AdoptionState adoption(String item, String unit, String recordId, String kind, String date) {
        return new ItemFact.AdoptionState(eventId(), item, recordId, unit, kind, null, null, null,
                LocalDate.parse(date), bj(date + "T12:00"));
    }

    static ItemFact.AdoptionWithdrawal withdrawal(String item, String recordId, String atBj) {
        return new ItemFact.AdoptionWithdrawal(eventId(), item, recordId, "录入错误", bj(atBj));
    }

    static ItemFact.CommissionJudgement judged(String item, String unit, String commissionId, String answeredBj,
                                               String deadlineBj, boolean accepted, String judgedBj) {
        return new ItemFact.CommissionJudgement(eventId(), item, commissionId, unit, bj(answeredBj), bj(deadlineBj),
                accepted, accepted ? null : "未达到约稿要求", bj(judgedBj));
    }

    static ItemFact.CommissionAnswer answered(String item, String unit, String commissionId, int revision,
                                             String submittedBj) {
        return new ItemFact.CommissionAnswer(eventId(), item, commissionId, unit, revision, bj(submittedBj));
    }

    static ItemFacts fold(String item, List<? extends ItemFact> facts) {
        ItemFacts f = ItemFacts.empty(item);
        for (ItemFact fact : facts) {
            f = f.with(fact);
        }
        return f;
    }

    static List<LedgerEntry> score(String item, ItemFact... facts) {
        return ItemScoring.score(fold(item, List.of(facts)), SHIPPED);
    }

    static int total(List<LedgerEntry> entries) {
        return entries.stream().mapToInt(LedgerEntry::points).sum();
    }
}
