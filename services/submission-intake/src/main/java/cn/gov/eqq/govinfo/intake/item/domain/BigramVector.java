package cn.gov.eqq.govinfo.intake.item.domain;

import java.util.Arrays;

/**
 * The character-bigram counts of one text, packed for comparing against thousands of others: each bigram is its two
 * code points in one {@code long}, the bigrams sorted and distinct with their counts in a parallel array, the norm
 * computed once. A HashMap of String keys per text cost about a hundred bytes per bigram; this costs twelve.
 *
 * <p>The text is kept as the old detector kept it: letters and digits only, lower-cased, title and body joined.
 * Not thread-safe: {@link #cosineWith} reuses its scratch buffers, so each check builds its own vector.
 */
final class BigramVector {

    private final long[] bigrams;
    private final int[] counts;
    private final double norm;

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
    }

    static BigramVector of(String title, String body) {
        Scratch built = new Scratch();
        int n = built.sortedPairs(title, body);
        long[] pairs = built.pairs;
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

    int distinctBigrams() {
        return bigrams.length;
    }

    /**
     * Cosine of this vector and the text's: the dot product by a merge walk of the two sorted bigram lists, divided
     * exactly as the old {@code dot / (norm(a) * norm(b))} so the values agree to the last bit.
     */
    double cosineWith(String title, String body) {
        int n = scratch.sortedPairs(title, body);
        long[] pairs = scratch.pairs;
        if (n == 0 || bigrams.length == 0) {
            return 0;
        }
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

    /** Buffers grown on demand: the kept code points of a text and its bigrams. */
    private static final class Scratch {

        private int[] codePoints = new int[256];
        private long[] pairs = new long[256];

        /** Fills {@code pairs[0..n)} with the text's bigrams, sorted; @return n */
        private int sortedPairs(String title, String body) {
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
            Arrays.sort(pairs, 0, n);
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
