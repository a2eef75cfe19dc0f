package io.tzurot.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Benchmark helper: CPU time of every thread of this process (JIT compilers, GC and ONNX Runtime's native threads
 * included) from Linux's {@code /proc/self/task}, grouped by thread name without its trailing number (empty
 * elsewhere), and of other processes from {@code /proc/<pid>/stat}.
 */
public final class ThreadCpu {

    private static final double TICK_MS = 10.0; // USER_HZ is 100 on every Linux the project runs on

    private ThreadCpu() {
    }

    /** Milliseconds of CPU (user + system) per thread group, so far. */
    static Map<String, Long> byName() {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[-#]?\\d+$", "");
                    out.merge(name, statMillis(stat), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Milliseconds of CPU the given local processes used so far (those that ended or are not visible count 0). */
    static long processesMillis(java.util.List<Integer> pids) {
        long total = 0;
        for (int pid : pids) {
            try {
                total += processMillis(pid);
            } catch (IOException | RuntimeException e) {
                // not a local process, or it ended
            }
        }
        return total;
    }

    /** Milliseconds of CPU (user + system, all threads) local process {@code pid} used so far. */
    public static long processMillis(long pid) throws IOException {
        return statMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** utime + stime of a {@code stat} line, after the command name (which may hold spaces and parentheses). */
    private static long statMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (long) ((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS);
    }

    /** Milliseconds the JIT compiler threads used between two snapshots. */
    static long compilerMillis(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** The groups that used at least 0.1 ms per reply between two snapshots, busiest first. */
    static String perReply(Map<String, Long> before, Map<String, Long> after, int replies) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) replies))
                .filter(e -> e.getValue() >= 0.1)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
