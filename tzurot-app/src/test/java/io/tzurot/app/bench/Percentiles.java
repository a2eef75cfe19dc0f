package io.tzurot.app.bench;

/** Nearest-rank percentiles of latencies for the benchmarks' reports. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code q} quantile (nearest rank) of already sorted nanoseconds, in milliseconds; 0 when empty. */
    public static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))] / 1e6;
    }
}
