package io.tzurot.core.memory;

import java.util.Objects;
import java.util.UUID;

/** Position of one piece of an oversized memory that was split before embedding. */
public record MemoryChunk(UUID groupId, int index, int total) {

    public MemoryChunk {
        Objects.requireNonNull(groupId, "groupId");
        if (total < 1 || index < 0 || index >= total) {
            throw new IllegalArgumentException("chunk index must be in [0, total) with total >= 1, got " + index + "/" + total);
        }
    }
}
