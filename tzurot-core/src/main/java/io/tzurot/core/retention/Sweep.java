package io.tzurot.core.retention;

import java.time.Instant;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * One named retention job: deletes what has outlived its keep as of {@code now} and says how many rows it deleted
 * (counts only: a sweep never reports content).
 *
 * @param name short and stable (it names the fleet lock and the log line), e.g. {@code diagnostics}
 */
public record Sweep(String name, ToLongFunction<Instant> run) {

    public Sweep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(run, "run");
        if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a sweep name is lower-case letters, digits and dashes, got " + name);
        }
    }
}
