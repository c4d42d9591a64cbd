package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags an item that reads much like one already sent (same unit or another). Chinese has no spaces between
 * words, so the text is compared as overlapping pairs of characters (bigrams): the cosine of the two bigram
 * count vectors over title and body, after dropping punctuation and white space. Robust to reordering and small
 * edits; cheap enough for the few thousand items of a few months.
 */
public final class NearDuplicateDetector {

    public static final int MAX_SHOWN = 5;

    private final double threshold;

    /** @param threshold similarity from which an item is flagged, e.g. 0.6 */
    public NearDuplicateDetector(double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** The most similar other items at or above the threshold, most similar first; voided items are left out. */
    public List<SimilarItem> similarTo(Item candidate, Collection<Item> recent) {
        Map<String, Integer> mine = bigrams(textOf(candidate.draft()));
        if (mine.isEmpty()) {
            return List.of();
        }
        return recent.stream()
                .filter(other -> !other.id().equals(candidate.id()) && other.status() != ItemStatus.VOIDED)
                .map(other -> new SimilarItem(other.id(), other.unitId(), other.draft().title(),
                        round(cosine(mine, bigrams(textOf(other.draft()))))))
                .filter(s -> s.similarity() >= threshold)
                .sorted(Comparator.comparingDouble(SimilarItem::similarity).reversed().thenComparing(SimilarItem::itemId))
                .limit(MAX_SHOWN)
                .toList();
    }

    /** Similarity of two texts in [0, 1]. */
    public static double similarity(String a, String b) {
        return cosine(bigrams(a), bigrams(b));
    }

    static String textOf(ItemContent c) {
        return (c.title() == null ? "" : c.title()) + "\n" + (c.body() == null ? "" : c.body());
    }

    static Map<String, Integer> bigrams(String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(kept::appendCodePoint);
        int[] cps = kept.codePoints().toArray();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            counts.merge(new String(cps, i, 2), 1, Integer::sum);
        }
        return counts;
    }

    private static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long dot = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            Integer other = b.get(e.getKey());
            if (other != null) {
                dot += (long) e.getValue() * other;
            }
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Integer> v) {
        double sum = 0;
        for (int count : v.values()) {
            sum += (double) count * count;
        }
        return Math.sqrt(sum);
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
