package io.tzurot.discord.bot;

import java.util.stream.IntStream;

/**
 * The shards one process runs: ids {@code first..last} out of {@code total} ({@code --shards A-B --shard-total N}).
 */
public record ShardRange(int first, int last, int total) {

    public ShardRange {
        if (total < 1) {
            throw new IllegalArgumentException("shard total must be at least 1, got " + total);
        }
        if (first < 0 || last < first || last >= total) {
            throw new IllegalArgumentException("shards " + first + "-" + last + " must lie within 0-" + (total - 1));
        }
    }

    /** Parses {@code "A-B"} or a single id {@code "A"}, with the total shard count. */
    public static ShardRange parse(String shards, int total) {
        if (shards == null || !shards.strip().matches("\\d{1,5}(-\\d{1,5})?")) {
            throw new IllegalArgumentException("--shards must look like 0-3 or 2, got '" + shards + "'");
        }
        String[] parts = shards.strip().split("-");
        int first = Integer.parseInt(parts[0]);
        return new ShardRange(first, parts.length == 2 ? Integer.parseInt(parts[1]) : first, total);
    }

    /** The single shard of a bot that is not sharded. */
    public static ShardRange single() {
        return new ShardRange(0, 0, 1);
    }

    public IntStream ids() {
        return IntStream.rangeClosed(first, last);
    }

    public boolean sharded() {
        return total > 1;
    }
}
