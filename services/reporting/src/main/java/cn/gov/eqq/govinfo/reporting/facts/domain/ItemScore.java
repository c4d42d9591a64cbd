package cn.gov.eqq.govinfo.reporting.facts.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What scoring last decided for one item, as reporting keeps it: the item's ledger lines with their Chinese
 * explanations and how each adoption or instruction record was read. Reporting shows these points and computes none;
 * an item without an {@code ItemScore} has simply not been scored yet.
 *
 * @param status       {@code SCORED}, {@code VOIDED} (counts nowhere) or {@code NOT_SCORED} (not received, or before
 *                     the first policy version: no lines)
 * @param scoreVersion grows with each decision of scoring; an older or equal one never replaces a newer one
 */
public record ItemScore(String itemId, String unitId, String title, String status, int points, List<Line> lines,
                        List<Reading> adoptions, long scoreVersion) {

    public static final String ADOPTION = "ADOPTION";
    public static final String COMMISSION = "COMMISSION";

    public ItemScore {
        lines = lines == null ? List.of() : List.copyOf(lines);
        adoptions = adoptions == null ? List.of() : List.copyOf(adoptions);
    }

    /**
     * One ledger line.
     *
     * @param month  the Beijing month it counts in, {@code yyyy-MM}
     * @param source {@code SUBMISSION}, {@code FORWARD}, {@code ADOPTION}, {@code COMMISSION} or {@code VOID}
     */
    public record Line(String month, LocalDate date, String source, String rule, int points, String explanation,
                       String policyVersion) {
    }

    /** One adoption or instruction record as scoring read it (按最高积分计算). */
    public record Reading(String recordId, String kind, String kindLabel, LocalDate effectiveDate, int countable,
                          boolean counts, int addedPoints, String explanation) {
    }

    /** The item counts nowhere: voided after it was scored. */
    public boolean voided() {
        return "VOIDED".equals(status);
    }

    /** The lines of one source that count in one of the given months. */
    public List<Line> linesIn(String source, List<String> months) {
        return lines.stream().filter(l -> source.equals(l.source()) && months.contains(l.month())).toList();
    }

    /** Whether this decision is newer than {@code other} (none is older than any). */
    public boolean newerThan(ItemScore other) {
        return other == null || scoreVersion > other.scoreVersion;
    }
}
