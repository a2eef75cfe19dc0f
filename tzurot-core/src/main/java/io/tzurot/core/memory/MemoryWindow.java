package io.tzurot.core.memory;

import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A recent stretch of time whose memories are deleted: {@code /memory delete} takes 24h, 7d, 30d, 1y or all,
 * {@code /memory incognito forget} 5m, 15m or 1h (spec discord.md §2.1).
 */
public enum MemoryWindow {
    MINUTES_5("5m", Duration.ofMinutes(5)),
    MINUTES_15("15m", Duration.ofMinutes(15)),
    HOUR_1("1h", Duration.ofHours(1)),
    HOURS_24("24h", Duration.ofHours(24)),
    DAYS_7("7d", Duration.ofDays(7)),
    DAYS_30("30d", Duration.ofDays(30)),
    YEAR_1("1y", Duration.ofDays(365)),
    ALL("all", null);

    /** The windows {@code forget} accepts: only the last moments, what incognito should have kept out. */
    public static final List<MemoryWindow> FORGET = List.of(MINUTES_5, MINUTES_15, HOUR_1);

    /** The windows a bulk delete accepts. */
    public static final List<MemoryWindow> DELETE = List.of(HOURS_24, DAYS_7, DAYS_30, YEAR_1, ALL);

    private final String code;
    private final Duration length;

    MemoryWindow(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** The text users type, e.g. {@code 15m}. */
    public String code() {
        return code;
    }

    /** How far back the window reaches; empty for {@link #ALL}. */
    public Optional<Duration> length() {
        return Optional.ofNullable(length);
    }

    /** The earliest creation time inside the window ending at {@code now}. */
    public Instant since(Instant now) {
        return length == null ? Instant.EPOCH : now.minus(length);
    }

    /** The window among {@code allowed} named {@code raw}, or an invalid {@code field} naming the choices. */
    public static MemoryWindow parse(String field, String raw, List<MemoryWindow> allowed) {
        String wanted = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return allowed.stream().filter(w -> w.code.equals(wanted)).findFirst().orElseThrow(() ->
                DomainException.invalid(field, "'" + field + "' must be one of " + allowed.stream()
                        .map(MemoryWindow::code).collect(Collectors.joining(", ")) + ", got '"
                        + (raw == null ? "" : raw.strip()) + "'."));
    }

    /** Every window, for callers listing them all. */
    public static List<MemoryWindow> all() {
        return Arrays.asList(values());
    }
}
