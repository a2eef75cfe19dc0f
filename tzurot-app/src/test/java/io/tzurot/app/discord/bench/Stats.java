package io.tzurot.app.discord.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tzurot.app.bench.Percentiles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

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
        return Percentiles.ms(sorted, q);
    }

    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU nanoseconds used so far by each group of live threads (names without their trailing numbers). */
    static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    groups.merge(info.getThreadName().replaceAll("[-# ]*\\d+$", "").replaceAll("-\\d+-", "-"), cpu,
                            Long::sum);
                }
            }
        }
        return groups;
    }

    /** The thread groups that used the most CPU between two snapshots, as "name share%", per message. */
    static String topThreadGroups(Map<String, Long> before, Map<String, Long> after, int messages) {
        long total = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format("%s %.1f ms (%.0f%%)", e.getKey(), e.getValue() / 1e6 / messages,
                        100.0 * e.getValue() / Math.max(1, total)))
                .collect(Collectors.joining(", "));
    }

    static String load() {
        return String.format("%.2f", OS.getSystemLoadAverage());
    }
}
