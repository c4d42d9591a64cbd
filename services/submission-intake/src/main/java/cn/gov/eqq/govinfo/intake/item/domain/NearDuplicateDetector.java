package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Flags an item that reads much like one already sent (same unit or another). Chinese has no spaces between
 * words, so the text is compared as overlapping pairs of characters (bigrams): the cosine of the two bigram
 * count vectors over title and body, after dropping punctuation and white space. Robust to reordering and small
 * edits.
 *
 * <p>A month-end burst compares every submission with months of items, so the check streams: {@link #checkFor}
 * builds the candidate's {@link BigramVector} once, {@link Check#offer} compares one sent text at a time without
 * keeping it, and only the best {@value #MAX_SHOWN} are held.
 */
public final class NearDuplicateDetector {

    public static final int MAX_SHOWN = 5;

    /** Most similar first; equal similarity by item id, so the list does not depend on the store's order. */
    private static final Comparator<SimilarItem> BEST_FIRST =
            Comparator.comparingDouble(SimilarItem::similarity).reversed().thenComparing(SimilarItem::itemId);

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
        Check check = checkFor(candidate);
        if (check.canMatch()) {
            recent.forEach(other -> check.offer(ComparableText.of(other)));
        }
        return check.result();
    }

    /** A check of {@code candidate} to feed the sent texts to, one at a time; one check per submission. */
    public Check checkFor(Item candidate) {
        return new Check(candidate.id(), BigramVector.of(candidate.draft().title(), candidate.draft().body()));
    }

    /** Similarity of two texts in [0, 1]. */
    public static double similarity(String a, String b) {
        return BigramVector.of(a, null).cosineWith(b, null);
    }

    /** The comparison of one candidate with a stream of sent texts. Not thread-safe. */
    public final class Check {

        private final String candidateId;
        private final BigramVector mine;
        // the worst of the best kept at the head, so a better one replaces it in O(log 5)
        private final PriorityQueue<SimilarItem> best = new PriorityQueue<>(MAX_SHOWN + 1, BEST_FIRST.reversed());

        private Check(String candidateId, BigramVector mine) {
            this.candidateId = candidateId;
            this.mine = mine;
        }

        /** False when the candidate has no text to compare (then nothing can be similar and the store need not be read). */
        public boolean canMatch() {
            return !mine.isEmpty();
        }

        public void offer(ComparableText other) {
            if (mine.isEmpty() || other.itemId().equals(candidateId) || other.status() == ItemStatus.VOIDED) {
                return;
            }
            // rounding is monotonic, so a bound that rounds below the threshold rules the text out exactly
            double similarity = round(mine.cosineWith(other.title(), other.body(), bound -> round(bound) >= threshold));
            if (similarity < threshold) {
                return;
            }
            best.add(new SimilarItem(other.itemId(), other.unitId(), other.title(), similarity));
            if (best.size() > MAX_SHOWN) {
                best.poll();
            }
        }

        /** The best at or above the threshold, most similar first. */
        public List<SimilarItem> result() {
            List<SimilarItem> shown = new ArrayList<>(best);
            shown.sort(BEST_FIRST);
            return List.copyOf(shown);
        }
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
