package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The near-duplicate detector as it was before the packed vectors (a HashMap of String bigrams per item, every match
 * sorted), kept as the reference for the differential test and the cost comparison. Unchanged but for an optional
 * cache of each text's bigrams, which only the differential test uses.
 */
final class MapBigramReference {

    private MapBigramReference() {
    }

    // the differential test runs the reference 180 times over the same 307 texts: uncached it takes half a minute
    private static final Map<String, Map<String, Integer>> CACHE = new HashMap<>();

    /** As the old detector did it: every text's bigrams built anew. */
    static List<SimilarItem> similarTo(Item candidate, Collection<Item> recent, double threshold) {
        return similarTo(candidate, recent, threshold, MapBigramReference::bigrams);
    }

    /** The same result, each distinct text's bigrams built once (single-threaded tests only). */
    static List<SimilarItem> similarToCached(Item candidate, Collection<Item> recent, double threshold) {
        return similarTo(candidate, recent, threshold, text -> CACHE.computeIfAbsent(text, MapBigramReference::bigrams));
    }

    private static List<SimilarItem> similarTo(Item candidate, Collection<Item> recent, double threshold,
                                               Function<String, Map<String, Integer>> bigramsOf) {
        Map<String, Integer> mine = bigramsOf.apply(textOf(candidate.draft()));
        if (mine.isEmpty()) {
            return List.of();
        }
        return recent.stream()
                .filter(other -> !other.id().equals(candidate.id()) && other.status() != ItemStatus.VOIDED)
                .map(other -> new SimilarItem(other.id(), other.unitId(), other.draft().title(),
                        round(cosine(mine, bigramsOf.apply(textOf(other.draft()))))))
                .filter(s -> s.similarity() >= threshold)
                .sorted(Comparator.comparingDouble(SimilarItem::similarity).reversed().thenComparing(SimilarItem::itemId))
                .limit(NearDuplicateDetector.MAX_SHOWN)
                .toList();
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

    static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
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

    static double norm(Map<String, Integer> v) {
        double sum = 0;
        for (int count : v.values()) {
            sum += (double) count * count;
        }
        return Math.sqrt(sum);
    }

    static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
