package cn.gov.eqq.govinfo.reporting.circular.domain;

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
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingLine;
import cn.gov.eqq.govinfo.reporting.ranking.domain.RankingSnapshot;
import cn.gov.eqq.govinfo.reporting.shared.domain.GroupNames;
import cn.gov.eqq.govinfo.reporting.shared.domain.ReportingPeriod;
import cn.gov.eqq.govinfo.reporting.statistics.domain.StatisticsCalculator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Computes a circular's figures. The ranking tables are the scoring snapshots line for line (reporting never
 * re-ranks); the named units come from the same lines; commissions and the annex come from the facts.
 */
public final class CircularComposer {

    private final AdoptionPointsTable pointsTable;
    private final StatisticsCalculator statistics;

    public CircularComposer(AdoptionPointsTable pointsTable) {
        this.pointsTable = pointsTable;
        this.statistics = new StatisticsCalculator(pointsTable.instructionKinds());
    }

    public CircularFigures compose(ReportingPeriod period, List<RankingSnapshot> latestPerGroup, Facts facts,
                                   Instant now) {
        List<String> warnings = new ArrayList<>();
        List<GroupTable> tables = latestPerGroup.stream()
                .filter(s -> s.period().equals(period.code()))
                .sorted(Comparator.comparingInt(RankingSnapshot::group))
                .map(s -> new GroupTable(s.group(), GroupNames.of(s.group()), s.snapshotVersion(), s.policyVersion(),
                        s.lines()))
                .toList();

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
        crossCheckAnnex(tables, annex, warnings);
        return new CircularFigures(period.code(), tables, nothing, missed, commissions(period, facts, now), annex,
                warnings, statistics.forMonths(period, facts, now));
    }

    private List<CommissionLine> commissions(ReportingPeriod period, Facts facts, Instant now) {
        List<CommissionLine> lines = new ArrayList<>();
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
                            answered.add(new UnitRef(unitId, ref.unitName(), r.name(), c.bonusItems(unitId)));
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

    /** Adoption points an item earned in the period: records in date order, only a rise of the best value counts. */
    int adoptionPointsInPeriod(ItemFact item, List<AdoptionFact> records, ReportingPeriod period) {
        int best = 0;
        int inPeriod = 0;
        for (AdoptionFact r : sortedLive(records)) {
            int value = pointsTable.pointsOf(r.kind(), item.majorEmergency());
            if (value > best) {
                if (period.contains(r.effectiveDate())) {
                    inPeriod += value - best;
                }
                best = value;
            }
        }
        return inPeriod;
    }

    private static List<AdoptionFact> sortedLive(List<AdoptionFact> records) {
        return records.stream()
                .filter(r -> !r.withdrawn() && r.effectiveDate() != null)
                .sorted(Comparator.comparing(AdoptionFact::effectiveDate).thenComparing(AdoptionFact::id))
                .toList();
    }

    private List<AnnexLine> annex(ReportingPeriod period, Facts facts) {
        Map<String, ItemFact> items = facts.itemsById();
        Map<String, List<AdoptionFact>> byItem = facts.adoptions().stream()
                .collect(Collectors.groupingBy(AdoptionFact::itemId, LinkedHashMap::new, Collectors.toList()));
        record Pending(ItemFact item, List<AdoptionFact> inPeriod, int points) {
        }
        List<Pending> pending = new ArrayList<>();
        byItem.forEach((itemId, records) -> {
            ItemFact item = items.get(itemId);
            if (item == null || !item.counts()) {
                return; // a voided (or never received) item counts nowhere
            }
            List<AdoptionFact> inPeriod = sortedLive(records).stream()
                    .filter(r -> period.contains(r.effectiveDate())).toList();
            if (!inPeriod.isEmpty()) {
                pending.add(new Pending(item, inPeriod, adoptionPointsInPeriod(item, records, period)));
            }
        });
        pending.sort(Comparator.comparing((Pending p) -> p.inPeriod().get(0).effectiveDate())
                .thenComparing(p -> p.item().id()));
        List<AnnexLine> lines = new ArrayList<>();
        for (Pending p : pending) {
            String publication = p.inPeriod().stream().map(this::describe).collect(Collectors.joining("；"));
            lines.add(new AnnexLine(lines.size() + 1, p.item().id(), p.item().title(), p.item().unitId(),
                    facts.unitName(p.item().unitId()), publication, p.inPeriod().get(0).effectiveDate(), p.points()));
        }
        return lines;
    }

    private String describe(AdoptionFact r) {
        StringBuilder b = new StringBuilder();
        if (r.publication() != null && !r.publication().isBlank()) {
            String pub = r.publication().startsWith("《") ? r.publication() : "《" + r.publication() + "》";
            b.append(pub);
            if (r.issueNo() != null && !r.issueNo().isBlank()) {
                b.append(r.issueNo());
            }
        } else {
            b.append(pointsTable.labelOf(r.kind()));
            if (r.leader() != null && !r.leader().isBlank()) {
                b.append("（").append(r.leader()).append("）");
            }
        }
        return b.toString();
    }

    private static void crossCheckAnnex(List<GroupTable> tables, List<AnnexLine> annex, List<String> warnings) {
        Map<String, Integer> annexByUnit = new HashMap<>();
        annex.forEach(a -> annexByUnit.merge(a.unitId(), a.points(), Integer::sum));
        for (GroupTable t : tables) {
            for (RankingLine r : t.rows()) {
                int fromAnnex = annexByUnit.getOrDefault(r.unitId(), 0);
                if (fromAnnex != r.adoptionPoints()) {
                    warnings.add(t.groupName() + " " + r.unitName() + "：附件采用积分合计 " + fromAnnex
                            + " 与排名中的采用积分 " + r.adoptionPoints() + " 不一致，请核对后再发布");
                }
            }
        }
        if (tables.isEmpty()) {
            warnings.add("本期尚无积分排名，通报中没有排名表");
        }
    }

    /** Used by callers that need the date a period's figures were taken. */
    public static LocalDate beijingDate(Instant instant) {
        return instant.atZone(ReportingPeriod.BEIJING).toLocalDate();
    }
}
