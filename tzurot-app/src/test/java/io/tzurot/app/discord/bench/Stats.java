package io.tzurot.app.discord.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** Percentiles and the process's CPU time, for the benchmark's report. */
final class Stats {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Stats() {
    }

    /** The {@code q} quantile (nearest rank) of {@code nanos}, in milliseconds. */
    static double ms(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))] / 1e6;
    }

    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    static String load() {
        return String.format("%.2f", OS.getSystemLoadAverage());
    }
}
