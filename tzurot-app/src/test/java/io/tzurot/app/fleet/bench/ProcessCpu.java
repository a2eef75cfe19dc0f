package io.tzurot.app.fleet.bench;

import io.tzurot.app.bench.ThreadCpu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU used by each part of the benchmarked system, from Linux's {@code /proc}: given processes by pid, and every
 * process whose command name is {@code postgres} (the server and all its backends) or {@code redis-server}. A
 * backend that exits between two snapshots takes its CPU with it; the roles' connection pools keep theirs open.
 */
final class ProcessCpu {

    /** Parts that are a share of another part's CPU (counted inside it), not a process of their own. */
    static final String EMBEDDINGS = "worker_embeddings";

    private final Map<String, List<Long>> parts = new LinkedHashMap<>();
    private final Map<String, java.util.function.LongSupplier> shares = new LinkedHashMap<>();

    /** A share of a process's CPU read from elsewhere (e.g. its metrics), in milliseconds; not added to the system. */
    ProcessCpu share(String name, java.util.function.LongSupplier millis) {
        shares.put(name, millis);
        return this;
    }

    ProcessCpu part(String name, long pid) {
        parts.computeIfAbsent(name, k -> new ArrayList<>()).add(pid);
        return this;
    }

    /** Milliseconds of CPU so far per part, plus {@code postgresql}, {@code redis} and the whole machine. */
    Map<String, Long> snapshot() throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e : parts.entrySet()) {
            long total = 0;
            for (long pid : e.getValue()) {
                total += ThreadCpu.processMillis(pid);
            }
            out.put(e.getKey(), total);
        }
        out.put("postgresql", byCommand("postgres"));
        out.put("redis", byCommand("redis-server"));
        out.put("machine", machineBusyMillis());
        shares.forEach((name, millis) -> out.put(name, millis.getAsLong()));
        return out;
    }

    /** Per-reply milliseconds of each part between two snapshots. */
    static Map<String, Double> perReply(Map<String, Long> before, Map<String, Long> after, int replies) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((k, v) -> out.put(k, (v - before.getOrDefault(k, 0L)) / (double) replies));
        return out;
    }

    static long byCommand(String command) throws IOException {
        long total = 0;
        try (Stream<Path> list = Files.list(Path.of("/proc"))) {
            for (Path p : list.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (Files.readString(p.resolve("comm")).trim().equals(command)) {
                        total += ThreadCpu.processMillis(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
    }

    /** Busy CPU time of the whole machine (user, nice, system, irq, softirq, steal) from /proc/stat. */
    static long machineBusyMillis() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long ticks = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        return ticks * 10;
    }

    /**
     * Waits (at most {@code limit}) until the machine's CPUs are at least 90 % idle over half a second: the seed's
     * own JIT compiling and PostgreSQL's autovacuum of the fresh rows otherwise land on the first start-ups measured.
     * Returns how long it waited.
     */
    static Duration awaitQuietMachine(Duration limit) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int cpus = Runtime.getRuntime().availableProcessors();
        while (System.nanoTime() - start < limit.toNanos()) {
            long busy = machineBusyMillis();
            Thread.sleep(500);
            if (machineBusyMillis() - busy <= 0.1 * 500 * cpus) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A line of {@code /proc/<pid>/status} in MiB, e.g. {@code VmRSS} or {@code VmHWM}. */
    static long statusMiB(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024).findFirst().orElse(-1L);
    }
}
