package cn.gov.eqq.govinfo.reporting.circular.domain;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.AnnexLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.CommissionLine;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.GroupTable;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.QuotaNote;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFigures.UnitRef;
import cn.gov.eqq.govinfo.reporting.facts.domain.AdoptionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.CommissionFact.Responsiveness;
import cn.gov.eqq.govinfo.reporting.facts.domain.Facts;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemFact;
import cn.gov.eqq.govinfo.reporting.facts.domain.ItemScore;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.shared.domain.GroupNames;
import cn.gov.eqq.govinfo.contracts.calendar.ReportingPeriod;
import cn.gov.eqq.govinfo.reporting.statistics.domain.StatisticsCalculator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * Computes a circular's figures. The ranking tables are the scoring snapshots line for line (reporting never
 * re-ranks); the named units come from the same lines; commissions come from the facts and the annex's points from
 * the item scores scoring published (its ADOPTION lines and their explanations). Reporting computes no points: an
 * item scoring has not decided yet is shown as not yet scored.
 */
public final class CircularComposer {

    /** Shown in place of points for an item scoring has not published a score for. */
    public static final String NOT_YET_SCORED = "积分服务尚未公布本条信息的积分";

    private final StatisticsCalculator statistics = new StatisticsCalculator();

    public CircularFigures compose(ReportingPeriod period, List<RankingSnapshot> latestPerGroup, Facts facts,
                                   Instant now) {
        List<String> warnings = new ArrayList<>();
        List<GroupTable> tables = latestPerGroup.stream()
                .filter(s -> s.period().equals(period.code()))
                .sorted(Comparator.comparingInt(RankingSnapshot::group))
                .map(s -> new GroupTable(s.group(), GroupNames.of(s.group()), s.snapshotVersion(), s.policyVersion(),
                        s.lines()))
                .toList();
        if (tables.isEmpty()) {
            warnings.add("本期尚无积分排名，通报中没有排名表");
        }

        List<QuotaNote> nothing = new ArrayList<>();
        List<QuotaNote> missed = new ArrayList<>();
        for (GroupTable t : tables) {
            for (RankingLine r : t.rows()) {
                QuotaNote note = new QuotaNote(t.group(), r.unitId(), r.unitName(), r.receivedItems(), r.quota(),
                        r.shortfall());
                if (r.submittedNothing()) {
                    nothing.add(note);
                } else if (r.missedQuota()) {
                    missed.add(note);
                }
            }
        }

        List<AnnexLine> annex = annex(period, facts);
        long unscored = annex.stream().filter(a -> a.points() == null).count();
        if (unscored > 0) {
            warnings.add("附件中有 " + unscored + " 条采用信息的积分尚未由积分服务公布，请待公布后再发布");
        }
        return new CircularFigures(period.code(), tables, nothing, missed, commissions(period, facts, now), annex,
                warnings, statistics.forMonths(period, facts, now));
    }

    private List<CommissionLine> commissions(ReportingPeriod period, Facts facts, Instant now) {
        List<CommissionLine> lines = new ArrayList<>();
        Map<String, ItemScore> scores = facts.scoresByItem();
        facts.commissions().stream()
                .filter(c -> c.deadline() != null && period.contains(c.deadline()))
                .sorted(Comparator.comparing(CommissionFact::deadline).thenComparing(CommissionFact::id))
                .forEach(c -> {
                    List<UnitRef> answered = new ArrayList<>();
                    List<UnitRef> missedUnits = new ArrayList<>();
                    List<UnitRef> pending = new ArrayList<>();
                    for (String unitId : c.targetUnitIds()) {
                        Responsiveness r = c.responsivenessOf(unitId, now);
                        UnitRef ref = new UnitRef(unitId, facts.unitName(unitId), r.name(), null);
                        if (r == Responsiveness.ANSWERED) {
                            answered.add(new UnitRef(unitId, ref.unitName(), r.name(), bonusItems(c, unitId, scores)));
                        } else if (r.missed()) {
                            missedUnits.add(ref);
                        } else {
                            pending.add(ref);
                        }
                    }
                    lines.add(new CommissionLine(c.id(), c.title() == null ? c.id() : c.title(), c.deadline(),
                            answered, missedUnits, pending));
                });
        return lines;
    }

    /** The unit's answers to the commission that earned scoring's +10 (每条加10分): its items with a COMMISSION line. */
    static int bonusItems(CommissionFact c, String unitId, Map<String, ItemScore> scores) {
        return (int) c.answers().stream()
                .filter(a -> a.unitId().equals(unitId))
                .map(a -> scores.get(a.itemId()))
                .filter(s -> s != null && !s.voided()
                        && s.lines().stream().anyMatch(l -> ItemScore.COMMISSION.equals(l.source()) && l.points() > 0))
                .count();
    }

    /**
     * Every item with an adoption or instruction record dated in the period (withdrawn records and voided items left
     * out), with the adoption points scoring put in the period's months and scoring's explanations of them.
     */
    private List<AnnexLine> annex(ReportingPeriod period, Facts facts) {
        List<String> months = period.months().stream().map(ReportingPeriod::code).toList();
        Map<String, ItemFact> items = facts.itemsById();
        Map<String, ItemScore> scores = facts.scoresByItem();
        Map<String, List<AdoptionFact>> recordsInPeriod = facts.adoptions().stream()
                .filter(r -> !r.withdrawn() && r.effectiveDate() != null && period.contains(r.effectiveDate()))
                .sorted(Comparator.comparing(AdoptionFact::effectiveDate).thenComparing(AdoptionFact::id))
                .collect(Collectors.groupingBy(AdoptionFact::itemId, LinkedHashMap::new, Collectors.toList()));
        Set<String> itemIds = new LinkedHashSet<>(recordsInPeriod.keySet());
        scores.values().stream().filter(s -> !s.linesIn(ItemScore.ADOPTION, months).isEmpty())
                .forEach(s -> itemIds.add(s.itemId()));

        List<AnnexLine> unnumbered = new ArrayList<>();
        for (String itemId : itemIds) {
            ItemFact item = items.get(itemId);
            ItemScore score = scores.get(itemId);
            if (score != null ? score.voided() : item == null || !item.counts()) {
                continue; // a voided (or never received) item counts nowhere
            }
            List<AdoptionFact> records = recordsInPeriod.getOrDefault(itemId, List.of());
            List<ItemScore.Line> lines = score == null ? List.of() : score.linesIn(ItemScore.ADOPTION, months);
            String title = item != null && item.title() != null ? item.title() : score.title();
            String unitId = item != null ? item.unitId() : score.unitId();
            LocalDate date = records.isEmpty() ? lines.get(0).date() : records.get(0).effectiveDate();
            String publication = records.isEmpty()
                    ? lines.stream().map(ItemScore.Line::rule).map(rule -> labelOf(rule, score)).collect(joining())
                    : records.stream().map(r -> describe(r, score)).collect(joining());
            Integer points = score == null ? null : lines.stream().mapToInt(ItemScore.Line::points).sum();
            unnumbered.add(new AnnexLine(0, itemId, title, unitId, facts.unitName(unitId), publication, date, points,
                    explanation(score, lines, records)));
        }
        unnumbered.sort(Comparator.comparing(AnnexLine::date).thenComparing(AnnexLine::itemId));
        List<AnnexLine> numbered = new ArrayList<>();
        for (AnnexLine a : unnumbered) {
            numbered.add(new AnnexLine(numbered.size() + 1, a.itemId(), a.itemTitle(), a.unitId(), a.unitName(),
                    a.publication(), a.date(), a.points(), a.explanation()));
        }
        return numbered;
    }

    private static Collector<CharSequence, ?, String> joining() {
        return Collectors.joining("；");
    }

    /** Scoring's words: the explanations of the lines in the period, else of the records it read in the period. */
    private static String explanation(ItemScore score, List<ItemScore.Line> lines, List<AdoptionFact> records) {
        if (score == null) {
            return NOT_YET_SCORED;
        }
        if (!lines.isEmpty()) {
            return lines.stream().map(ItemScore.Line::explanation).filter(Objects::nonNull).collect(joining());
        }
        Set<String> ids = records.stream().map(AdoptionFact::id).collect(Collectors.toSet());
        String readings = score.adoptions().stream().filter(a -> ids.contains(a.recordId()))
                .map(ItemScore.Reading::explanation).filter(Objects::nonNull).collect(joining());
        return readings.isEmpty() ? "本期不计采用积分" : readings;
    }

    private static String labelOf(String rule, ItemScore score) {
        String kind = rule == null ? "" : rule.substring(rule.indexOf(':') + 1);
        return score.adoptions().stream().filter(a -> kind.equals(a.kind()) && a.kindLabel() != null)
                .map(ItemScore.Reading::kindLabel).findFirst().orElse("采用或批示");
    }

    private static String describe(AdoptionFact r, ItemScore score) {
        StringBuilder b = new StringBuilder();
        if (r.publication() != null && !r.publication().isBlank()) {
            String pub = r.publication().startsWith("《") ? r.publication() : "《" + r.publication() + "》";
            b.append(pub);
            if (r.issueNo() != null && !r.issueNo().isBlank()) {
                b.append(r.issueNo());
            }
        } else {
            String label = score == null ? null : score.adoptions().stream()
                    .filter(a -> r.id().equals(a.recordId()) && a.kindLabel() != null)
                    .map(ItemScore.Reading::kindLabel).findFirst().orElse(null);
            b.append(label != null ? label : score == null ? "采用或批示" : labelOf(":" + r.kind(), score));
            if (r.leader() != null && !r.leader().isBlank()) {
                b.append("（").append(r.leader()).append("）");
            }
        }
        return b.toString();
    }

    /** Used by callers that need the date a period's figures were taken. */
    public static LocalDate beijingDate(Instant instant) {
        return instant.atZone(BeijingTime.ZONE).toLocalDate();
    }
}
