package cn.gov.eqq.govinfo.benchmarks;

import java.time.Duration;

/**
 * The arithmetic of an open-loop load: send {@code n} is due at {@code start + n / rate}, whatever happened to the
 * earlier ones. A send made later than its due time (the sender was busy, or every in-flight slot was taken) is
 * behind schedule; how far behind is what {@link Lag} keeps.
 */
final class OpenLoopSchedule {

    private final double ratePerSecond;
    private final long startNanos;

    OpenLoopSchedule(double ratePerSecond, long startNanos) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.startNanos = startNanos;
    }

    double ratePerSecond() {
        return ratePerSecond;
    }

    /** When send {@code n} (from 0) is due, on the {@link System#nanoTime()} scale of the start. */
    long dueNanos(long n) {
        return startNanos + Math.round(n * 1e9 / ratePerSecond);
    }

    /** How many sends fit in a window of this length: those due strictly before its end. */
    long sendsIn(Duration window) {
        double exact = window.toNanos() / 1e9 * ratePerSecond;
        long whole = (long) Math.ceil(exact);
        // send n is due at n / rate; it belongs to the window when that is before the end
        while (whole > 0 && dueNanos(whole - 1) - startNanos >= window.toNanos()) {
            whole--;
        }
        return whole;
    }

    /** Lateness of the sends: how many were later than the tolerance, the worst one, and a percentile. */
    static final class Lag {

        private final long toleranceNanos;
        private final Latencies lateness = new Latencies();
        private long behind;
        private long worst;

        Lag(Duration tolerance) {
            this.toleranceNanos = tolerance.toNanos();
        }

        synchronized void record(long dueNanos, long actualNanos) {
            long late = Math.max(0, actualNanos - dueNanos);
            lateness.add(late);
            if (late > toleranceNanos) {
                behind++;
            }
            worst = Math.max(worst, late);
        }

        synchronized long behind() {
            return behind;
        }

        synchronized long sends() {
            return lateness.count();
        }

        synchronized double worstMillis() {
            return worst / 1e6;
        }

        double percentileMillis(double p) {
            return lateness.percentileMillis(p);
        }
    }
}
