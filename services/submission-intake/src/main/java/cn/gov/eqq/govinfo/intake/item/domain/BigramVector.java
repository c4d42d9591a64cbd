package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * The character-bigram counts of one text, packed for comparing against thousands of others: each bigram is its two
 * code points in one {@code long}, the bigrams sorted and distinct with their counts in a parallel array, the norm
 * computed once. A HashMap of String keys per text cost about a hundred bytes per bigram; this costs twelve (plus
 * sixteen in the lookup index).
 *
 * <p>The text is kept as the old detector kept it: letters and digits only, lower-cased, title and body joined.
 * Not thread-safe: {@link #cosineWith} reuses its scratch buffers, so each check builds its own vector.
 */
final class BigramVector {

    private final long[] bigrams;
    private final int[] counts;
    private final double norm;
    // open addressing, bigram -> count, for the one-pass bound; 0 marks a free slot (no bigram packs to 0,
    // since the code point 0 is neither letter nor digit)
    private final long[] indexKeys;
    private final int[] indexCounts;
    private final int indexMask;

    // reused by cosineWith, so streaming thousands of texts allocates (almost) nothing per text
    private final Scratch scratch = new Scratch();

    private BigramVector(long[] bigrams, int[] counts) {
        this.bigrams = bigrams;
        this.counts = counts;
        long sum = 0;
        for (int c : counts) {
            sum += (long) c * c;
        }
        // a sum of squares of counts stays far below 2^53, so this equals the old sum of doubles bit for bit
        this.norm = Math.sqrt((double) sum);
        int capacity = Integer.highestOneBit(Math.max(2, bigrams.length) * 4 - 1);
        this.indexKeys = new long[capacity];
        this.indexCounts = new int[capacity];
        this.indexMask = capacity - 1;
        for (int i = 0; i < bigrams.length; i++) {
            int slot = slot(bigrams[i]);
            while (indexKeys[slot] != 0) {
                slot = (slot + 1) & indexMask;
            }
            indexKeys[slot] = bigrams[i];
            indexCounts[slot] = counts[i];
        }
    }

    static BigramVector of(String title, String body) {
        Scratch built = new Scratch();
        int n = built.pairs(title, body);
        long[] pairs = built.pairs;
        Arrays.sort(pairs, 0, n);
        long[] keys = new long[n];
        int[] cnt = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && pairs[j] == pairs[i]) {
                j++;
            }
            keys[distinct] = pairs[i];
            cnt[distinct] = j - i;
            distinct++;
            i = j;
        }
        return new BigramVector(Arrays.copyOf(keys, distinct), Arrays.copyOf(cnt, distinct));
    }

    boolean isEmpty() {
        return bigrams.length == 0;
    }

    /** The exact cosine of this vector and the text's, in [0, 1]. */
    double cosineWith(String title, String body) {
        return cosineWith(title, body, bound -> true);
    }

    /**
     * Cosine of this vector and the text's, exactly as the old {@code dot / (norm(a) * norm(b))} to the last bit; or,
     * when an upper bound of it already fails {@code worthComputing}, that bound.
     *
     * <p>One pass over the text's bigrams sums this vector's count of each, which is the dot product; the text's
     * norm is at least the square root of its number of bigrams (every count is at least 1, so count&sup2; &ge;
     * count), which bounds the cosine from above without counting the text. Most sent items share few bigrams with
     * the candidate and stop there. The others are sorted and compared by a merge walk of the two sorted lists, which
     * gives the dot product and the text's exact norm.
     */
    double cosineWith(String title, String body, DoublePredicate worthComputing) {
        int n = scratch.pairs(title, body);
        long[] pairs = scratch.pairs;
        if (n == 0 || bigrams.length == 0) {
            return 0;
        }
        long shared = 0;
        for (int i = 0; i < n; i++) {
            shared += countOf(pairs[i]);
        }
        if (shared == 0) {
            return 0;
        }
        // sqrt, * and / are monotonic in floating point, and n <= the sum of squares, so bound >= the exact value
        double bound = shared / (norm * Math.sqrt((double) n));
        if (!worthComputing.test(bound)) {
            return bound;
        }
        Arrays.sort(pairs, 0, n);
        long dot = 0;
        long sumOfSquares = 0;
        int mine = 0;
        for (int i = 0; i < n; ) {
            long key = pairs[i];
            int j = i + 1;
            while (j < n && pairs[j] == key) {
                j++;
            }
            int count = j - i;
            sumOfSquares += (long) count * count;
            while (mine < bigrams.length && bigrams[mine] < key) {
                mine++;
            }
            if (mine < bigrams.length && bigrams[mine] == key) {
                dot += (long) counts[mine] * count;
            }
            i = j;
        }
        return dot / (norm * Math.sqrt((double) sumOfSquares));
    }

    private int countOf(long bigram) {
        int slot = slot(bigram);
        while (true) {
            long key = indexKeys[slot];
            if (key == bigram) {
                return indexCounts[slot];
            }
            if (key == 0) {
                return 0;
            }
            slot = (slot + 1) & indexMask;
        }
    }

    private int slot(long bigram) {
        long h = bigram * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & indexMask;
    }

    /** Buffers grown on demand: the kept code points of a text and its bigrams. */
    private static final class Scratch {

        private int[] codePoints = new int[256];
        private long[] pairs = new long[256];

        /** Fills {@code pairs[0..n)} with the text's bigrams in text order; @return n */
        private int pairs(String title, String body) {
            int length = (title == null ? 0 : title.length()) + (body == null ? 0 : body.length());
            if (codePoints.length < length) {
                codePoints = new int[Math.max(length, codePoints.length * 2)];
            }
            int kept = keep(body, keep(title, 0));
            int n = Math.max(0, kept - 1);
            if (pairs.length < n) {
                pairs = new long[Math.max(n, pairs.length * 2)];
            }
            for (int i = 0; i < n; i++) {
                pairs[i] = ((long) codePoints[i] << 32) | codePoints[i + 1];
            }
            return n;
        }

        /** Appends the letters and digits of {@code text}, lower-cased, from {@code at}; @return the new length */
        private int keep(String text, int at) {
            if (text == null) {
                return at;
            }
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetterOrDigit(cp)) {
                    codePoints[at++] = Character.toLowerCase(cp);
                }
            }
            return at;
        }
    }
}
