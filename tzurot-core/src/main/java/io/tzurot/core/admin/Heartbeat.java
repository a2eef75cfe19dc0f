package io.tzurot.core.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One process of the fleet as it last reported itself.
 *
 * @param processId unique per process (host and pid, say)
 * @param roles the roles it runs, e.g. {@code api,worker}
 * @param queueLag reply jobs waiting in the queue when it last looked (workers only)
 */
public record Heartbeat(String processId, String roles, String version, Instant startedAt, Instant at,
                        OptionalLong queueLag) {

    public Heartbeat {
        processId = clean(processId, "processId");
        roles = clean(roles, "roles");
        version = clean(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(queueLag, "queueLag");
    }

    /** How long the process has been up when it wrote this beat. */
    public Duration uptime() {
        return Duration.between(startedAt, at).isNegative() ? Duration.ZERO : Duration.between(startedAt, at);
    }

    /** Key-store form: {@code name=value} lines. */
    public String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", processId);
        fields.put("roles", roles);
        fields.put("version", version);
        fields.put("started", startedAt.toString());
        fields.put("at", at.toString());
        queueLag.ifPresent(lag -> fields.put("lag", Long.toString(lag)));
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    /** The beat {@link #encode()} wrote; empty for anything else. */
    public static Optional<Heartbeat> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : value.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            String lag = fields.get("lag");
            return Optional.of(new Heartbeat(fields.get("id"), fields.get("roles"), fields.get("version"),
                    Instant.parse(fields.get("started")), Instant.parse(fields.get("at")),
                    lag == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lag))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String clean(String value, String field) {
        if (value == null || value.isBlank() || value.indexOf('\n') >= 0 || value.length() > 200) {
            throw new IllegalArgumentException(field + " must be 1-200 characters on one line");
        }
        return value.strip();
    }
}
