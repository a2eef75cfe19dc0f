package io.tzurot.core.lorebook.activation;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Timed-effect state held in memory: for tests and single-process runs (lost on restart). */
public final class InMemoryLoreTimingStore implements LoreTimingStore {

    private final Map<String, LoreTiming> byScope = new ConcurrentHashMap<>();

    @Override
    public LoreTiming load(String scope) {
        return byScope.getOrDefault(Objects.requireNonNull(scope, "scope"), LoreTiming.START);
    }

    @Override
    public void save(String scope, LoreTiming timing) {
        byScope.put(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(timing, "timing"));
    }
}
