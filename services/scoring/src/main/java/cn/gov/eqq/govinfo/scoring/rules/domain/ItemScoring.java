package cn.gov.eqq.govinfo.scoring.rules.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives an item's ledger entries from its facts. A pure function: the same facts and policies always give the
 * same entries, which is what makes scoring idempotent, order-proof and replayable.
 */
public final class ItemScoring {

    private ItemScoring() {
    }

    public static List<LedgerEntry> score(ItemFacts facts, PolicyHistory policies) {
        // as the room last corrected it (category, 重大紧急), else as the unit sent it
        ItemFact.Received received = facts.countedAs();
        if (received == null) {
            // nothing is earned before the room has received the item; adoptions wait in the facts
            return List.of();
        }
        List<LedgerEntry> earned = earned(facts, received, policies);
        if (facts.voided() == null) {
            return earned;
        }
        if (earned.isEmpty() && policies.inForceAt(received.submittedAt()).isEmpty()) {
            return List.of(); // it never counted: nothing to take back
        }
        return List.of(voidNote(facts, received, earned, policies));
    }

    private static List<LedgerEntry> earned(ItemFacts facts, ItemFact.Received received, PolicyHistory policies) {
        List<LedgerEntry> out = new ArrayList<>();
        String unit = received.unitId();
        String item = facts.itemId();
        String title = "《" + received.title() + "》";

        LocalDate submitted = BeijingTime.dateOf(received.submittedAt());
        ScoringPolicy atSubmission = policies.inForceOn(submitted).orElse(null);
        String category = received.category();
        CategoryRule rule = atSubmission == null ? null : atSubmission.category(category).orElse(null);
        if (atSubmission == null) {
            // before the first version nothing scores: no points and no place in a quota
        } else if (rule != null) {
            out.add(new LedgerEntry(item + ":submission", unit, item, ReportingPeriod.monthOf(submitted), submitted,
                    PointSource.SUBMISSION, "category:" + category, rule.points(),
                    title + "（" + rule.label() + "）已被信息室接收，报送积分 " + signed(rule.points())
                            + corrected(facts),
                    received.eventId(), atSubmission.version()));
        } else {
            out.add(new LedgerEntry(item + ":submission", unit, item, ReportingPeriod.monthOf(submitted), submitted,
                    PointSource.SUBMISSION, "category:" + category, 0,
                    title + "已被信息室接收，计入报送条数；类别“" + category + "”不在积分标准 "
                            + atSubmission.version() + " 中，不计报送积分",
                    received.eventId(), atSubmission.version()));
        }

        if (!facts.forwards().isEmpty()) {
            ItemFact.Forwarded first = facts.forwards().get(0);
            LocalDate day = BeijingTime.dateOf(first.forwardedAt());
            ScoringPolicy p = policies.inForceOn(day).orElse(null);
            if (p != null) {
                    out.add(new LedgerEntry(item + ":forward", unit, item, ReportingPeriod.monthOf(day), day,
                        PointSource.FORWARD, "forward", p.forwardPoints(),
                        title + "转报市政府，在报送积分上累加 " + signed(p.forwardPoints()),
                        first.eventId(), p.version()));
            }
        }

        out.addAll(adoptionPass(facts, received.majorEmergency(), title, policies).entries());

        for (ItemFact.CommissionJudgement j : facts.judgements().values()) {
            LocalDate day = BeijingTime.dateOf(j.answerSubmittedAt());
            ScoringPolicy p = policies.inForceOn(day).orElse(null);
            if (p == null) {
                continue; // answered before the first version: nothing scores
            }
            int points;
            String why;
            ItemFact.CommissionAnswerVoid answerVoid = facts.voidedAnswers().get(j.commissionId());
            ItemFact.CommissionAnswer latest = facts.answers().get(j.commissionId());
            if (answerVoid != null) {
                points = 0;
                why = title + "作为约稿答复已被信息室作废" + reason(answerVoid.reason()) + "，不计约稿分";
            } else if (latest != null && latest.submittedAt() != null
                    && latest.submittedAt().isAfter(j.answerSubmittedAt())) {
                // a revised answer clears the earlier judgement until the room judges the new version
                points = 0;
                why = title + "作为约稿答复已修改重报（第" + latest.revision() + "版，" + beijing(latest.submittedAt())
                        + "报送），原审核结论不再适用，待信息室重新审核，暂不计约稿分";
            } else if (!j.accepted()) {
                points = 0;
                why = title + "作为约稿答复未被信息室认可" + reason(j.reason()) + "，不计约稿分";
            } else if (!j.onTime()) {
                points = 0;
                why = title + "作为约稿答复提交于 " + beijing(j.answerSubmittedAt()) + "，晚于截止时间 "
                        + beijing(j.deadline()) + "，不计约稿分";
            } else {
                points = p.commissionPoints();
                why = title + "按时完成约稿并被信息室认可 " + signed(points);
            }
            out.add(new LedgerEntry(item + ":commission:" + j.commissionId(), unit, item,
                    ReportingPeriod.monthOf(day), day, PointSource.COMMISSION, "commission", points, why, j.eventId(),
                    p.version()));
        }
        return out;
    }

    /**
     * How each adoption or instruction record of the item is read (withdrawn ones included), in date order; the
     * {@code ADOPTION} entries of {@link #score} are made from the same pass, so the two always agree. An item not
     * (yet) received is read as not 重大紧急.
     */
    public static List<AdoptionReading> readings(ItemFacts facts, PolicyHistory policies) {
        ItemFact.Received received = facts.countedAs();
        String title = received == null ? "" : "《" + received.title() + "》";
        return adoptionPass(facts, received != null && received.majorEmergency(), title, policies).readings();
    }

    private record AdoptionPass(List<AdoptionReading> readings, List<LedgerEntry> entries) {
    }

    /** Date order; same date: the order in which the records were entered, then the record id. */
    private static final Comparator<ItemFact.AdoptionState> RECORD_ORDER = Comparator
            .comparing(ItemFact.AdoptionState::effectiveDate)
            .thenComparing(ItemFact.AdoptionState::enteredAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemFact.AdoptionState::recordId);

    /**
     * Highest only per item: records are taken in date order; one that raises the best value so far adds the
     * difference in its own month, one that does not adds nothing (and says so). A withdrawn record is as if never
     * recorded; a source of a combined adoption that the version in force on its date does not credit earns 0.
     */
    private static AdoptionPass adoptionPass(ItemFacts facts, boolean majorEmergency, String title,
                                             PolicyHistory policies) {
        List<AdoptionRecord> records = facts.adoptions().values().stream()
                .filter(r -> r.state() != null)
                .sorted(Comparator.comparing(AdoptionRecord::state, RECORD_ORDER))
                .toList();
        String unit = facts.unitId();
        record Step(ItemFact.AdoptionState state, AdoptionKindRule kind, int countable, int added, String why) {
        }
        List<Step> steps = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        int best = 0;
        String bestLabel = null;
        String countingId = null;
        for (AdoptionRecord record : records) {
            ItemFact.AdoptionState r = record.state();
            LocalDate day = r.effectiveDate();
            ScoringPolicy p = policies.inForceOn(day).orElse(null);
            AdoptionKindRule kind = p == null ? null : p.adoptionKind(r.kind()).orElse(null);
            if (record.withdrawal() != null) {
                String reason = record.withdrawal().reason();
                steps.add(new Step(r, kind, 0, 0, "已撤销" + (reason == null || reason.isBlank() ? "" : "（" + reason
                        + "）") + "，视同未记录，不计分"));
                continue;
            }
            if (p == null) {
                steps.add(new Step(r, null, 0, 0, "日期早于第一个积分标准版本的施行日期，不计分"));
                continue; // recorded before the first version: nothing scores
            }
            String id = facts.itemId() + ":adoption:" + r.recordId();
            String ruleName = "adoption:" + r.kind();
            int countable = 0;
            String why = null;
            String line;
            if (kind == null) {
                why = "记录类型“" + r.kind() + "”不在积分标准 " + p.version() + " 中，不计分";
                line = title + "的" + why;
            } else if (!p.combinedCredit().credits(r.combinedPosition())) {
                why = "综合采用按积分标准只计首条来源信息，本信息只作记录，不计分";
                line = title + "被" + kind.shortLabel() + "（综合采用，非首条来源信息）；" + why;
            } else if (kind.instruction() && majorEmergency) {
                why = "重大紧急类信息的领导批示只作记录，不计分（被领导批示信息均为非重大紧急类信息）";
                line = title + "被" + kind.shortLabel() + "（记录在案）；该信息为重大紧急类信息，按规定被领导批示的信息均为"
                        + "非重大紧急类信息，批示不计分";
            } else if (kind.points() > best) {
                countable = kind.points();
                line = title + "被" + kind.shortLabel() + " " + signed(kind.points())
                        + (bestLabel == null ? ""
                        : "（替代此前" + bestLabel + " " + signed(best) + "，净增 " + signed(kind.points() - best) + "）");
            } else {
                countable = kind.points();
                line = title + "被" + kind.shortLabel() + "（" + kind.points() + "分）；同一条信息按最高积分计算，不高于此前"
                        + bestLabel + "的 " + best + " 分，不另加分";
            }
            int added = Math.max(0, countable - best);
            if (countable > best) {
                best = countable;
                bestLabel = kind.shortLabel();
                countingId = r.recordId();
            }
            steps.add(new Step(r, kind, countable, added, why));
            entries.add(new LedgerEntry(id, unit, facts.itemId(), ReportingPeriod.monthOf(day), day,
                    PointSource.ADOPTION, ruleName, added, line, r.eventId(), p.version()));
        }
        int itemPoints = best;
        String counting = countingId;
        List<AdoptionReading> readings = steps.stream().map(s -> {
            boolean counts = s.state().recordId().equals(counting);
            String why = s.why();
            if (why == null) {
                if (counts) {
                    why = "按最高积分计算，本信息计 " + itemPoints + " 分";
                } else if (s.added() > 0) {
                    why = "当时为最高记录，在本月增加 " + s.added() + " 分；后被更高记录取代";
                } else {
                    why = "不高于本信息已有的最高记录，不另计分";
                }
            }
            return new AdoptionReading(s.state().recordId(), s.state().kind(),
                    s.kind() == null ? null : s.kind().label(), s.state().effectiveDate(),
                    s.kind() == null ? 0 : s.kind().points(), s.countable(), counts, s.added(), why);
        }).toList();
        return new AdoptionPass(readings, entries);
    }

    /** One visible entry of 0 points in the month the item had counted in, saying what the void took back. */
    private static LedgerEntry voidNote(ItemFacts facts, ItemFact.Received received, List<LedgerEntry> earned,
                                        PolicyHistory policies) {
        Map<PointSource, Integer> bySource = new TreeMap<>();
        earned.forEach(e -> bySource.merge(e.source(), e.points(), Integer::sum));
        int total = earned.stream().mapToInt(LedgerEntry::points).sum();
        List<String> parts = new ArrayList<>();
        bySource.forEach((source, points) -> {
            if (points != 0) {
                parts.add(sourceLabel(source) + " " + signed(points));
            }
        });
        LocalDate submitted = BeijingTime.dateOf(received.submittedAt());
        ItemFact.Voided v = facts.voided();
        String why = "《" + received.title() + "》已作废" + reason(v.reason()) + "，如同未被接收：收回其全部积分"
                + (parts.isEmpty() ? "" : "（" + String.join("、", parts) + "）") + "共 " + total
                + " 分，且不计入报送条数";
        return new LedgerEntry(facts.itemId() + ":void", received.unitId(), facts.itemId(),
                ReportingPeriod.monthOf(submitted), submitted, PointSource.VOID, "void", 0, why, v.eventId(),
                policies.inForceOn(submitted).map(ScoringPolicy::version).orElse(null));
    }

    static String sourceLabel(PointSource source) {
        return switch (source) {
            case SUBMISSION -> "报送";
            case FORWARD -> "转报市政府";
            case ADOPTION -> "采用/批示";
            case COMMISSION -> "约稿";
            case DEDUCTION -> "扣分";
            case VOID -> "作废";
        };
    }

    /** Why the item counts as it does when the room corrected it: its reason, as the unit was told. */
    private static String corrected(ItemFacts facts) {
        ItemFact.Corrected c = facts.appliedCorrection();
        return c == null ? "" : "（分类经信息室更正，理由：" + c.reason() + "）";
    }

    static String signed(int points) {
        return points >= 0 ? "+" + points : Integer.toString(points);
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : "（原因：" + reason + "）";
    }

    private static String beijing(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(instant.atZone(BeijingTime.ZONE)) + "（北京时间）";
    }
}
