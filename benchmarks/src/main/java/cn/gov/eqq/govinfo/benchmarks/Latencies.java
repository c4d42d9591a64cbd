package cn.gov.eqq.govinfo.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles by the nearest-rank method. */
public final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public synchronized void addAll(Latencies other) {
        long[] copy = other.snapshot();
        for (long v : copy) {
            add(v);
        }
    }

    public synchronized int count() {
        return size;
    }

    synchronized long[] snapshot() {
        return Arrays.copyOf(samples, size);
    }

    /** @param p in (0, 100]; the smallest sample with at least p % of the samples at or below it */
    public double percentileMillis(double p) {
        long[] sorted = snapshot();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
