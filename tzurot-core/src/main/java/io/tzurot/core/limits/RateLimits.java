package io.tzurot.core.limits;

import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bot owner's per-user limits, kept with the admin tier: a token bucket for replies and one for slash
 * commands (burst = bucket size, per minute = refill), and the replies one user may have in flight at once.
 *
 * @param replyBurst replies a user may ask for at once, 1-1000
 * @param repliesPerMinute replies a user gets back per minute, 1-6000
 * @param commandBurst slash commands a user may send at once, 1-1000
 * @param commandsPerMinute slash commands a user gets back per minute, 1-6000
 * @param repliesInFlight replies one user may have waiting at once (web API, API tokens), 1-1000
 */
public record RateLimits(int replyBurst, int repliesPerMinute, int commandBurst, int commandsPerMinute,
                         int repliesInFlight) {

    /** Generous for people, tight for a runaway script. */
    public static final RateLimits DEFAULTS = new RateLimits(10, 10, 20, 30, 50);

    static final int MAX_BURST = 1000;
    static final int MAX_PER_MINUTE = 6000;
    static final int MAX_IN_FLIGHT = 1000;

    public RateLimits {
        check("replyBurst", replyBurst, MAX_BURST);
        check("repliesPerMinute", repliesPerMinute, MAX_PER_MINUTE);
        check("commandBurst", commandBurst, MAX_BURST);
        check("commandsPerMinute", commandsPerMinute, MAX_PER_MINUTE);
        check("repliesInFlight", repliesInFlight, MAX_IN_FLIGHT);
    }

    /** How often one reply token comes back. */
    public Duration replyRefill() {
        return refill(repliesPerMinute);
    }

    /** How often one command token comes back. */
    public Duration commandRefill() {
        return refill(commandsPerMinute);
    }

    /** The JSON object form, keys as the API and the stored document spell them. */
    public Map<String, Object> toEntries() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("replyBurst", replyBurst);
        entries.put("repliesPerMinute", repliesPerMinute);
        entries.put("commandBurst", commandBurst);
        entries.put("commandsPerMinute", commandsPerMinute);
        entries.put("repliesInFlight", repliesInFlight);
        return entries;
    }

    /**
     * These limits with the entries of {@code patch} (JSON names, integer values) applied; an unknown name or a
     * value out of range is an invalid field naming it and what is expected.
     */
    public RateLimits patched(Map<String, ?> patch) {
        Map<String, Object> next = toEntries();
        for (Map.Entry<String, ?> entry : patch.entrySet()) {
            if (!next.containsKey(entry.getKey())) {
                throw DomainException.invalid(entry.getKey(), "Unknown limit '" + entry.getKey() + "'; limits: "
                        + String.join(", ", next.keySet()) + ".");
            }
            if (!(entry.getValue() instanceof Integer || entry.getValue() instanceof Long)) {
                throw DomainException.invalid(entry.getKey(), entry.getKey() + " must be a whole number.");
            }
            long value = ((Number) entry.getValue()).longValue();
            next.put(entry.getKey(), (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value)));
        }
        try {
            return new RateLimits((int) next.get("replyBurst"), (int) next.get("repliesPerMinute"),
                    (int) next.get("commandBurst"), (int) next.get("commandsPerMinute"), (int) next.get("repliesInFlight"));
        } catch (InvalidLimit e) {
            throw DomainException.invalid(e.field, e.getMessage());
        }
    }

    private static Duration refill(int perMinute) {
        return Duration.ofMillis(Math.max(1, 60_000L / perMinute));
    }

    private static void check(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidLimit(field, field + " must be from 1 to " + max + ", got " + value + ".");
        }
    }

    /** A value out of range; {@link #patched} turns it into an invalid field. */
    static final class InvalidLimit extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String field;

        InvalidLimit(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
