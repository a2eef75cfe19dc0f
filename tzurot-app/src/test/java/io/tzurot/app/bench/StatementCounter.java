package io.tzurot.app.bench;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Benchmark helper: counts the SQL statements JDBI runs, by their first words, to show round trips per reply. */
final class StatementCounter implements SqlLogger {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void logBeforeExecution(StatementContext context) {
        String sql = context.getRenderedSql().strip().replaceAll("\\s+", " ");
        String key = sql.length() > 60 ? sql.substring(0, 60) : sql;
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    void reset() {
        counts.clear();
    }

    String perReply(int replies) {
        long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
        return String.format("%.1f in all%n  ", total / (double) replies) + counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .map(e -> String.format("%.2f  %s", e.getValue().sum() / (double) replies, e.getKey()))
                .collect(Collectors.joining("\n  "));
    }
}
