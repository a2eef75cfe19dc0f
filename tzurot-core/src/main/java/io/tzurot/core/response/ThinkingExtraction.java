package io.tzurot.core.response;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply split into what the user sees and the model's thinking.
 *
 * @param visible the text to show
 * @param blocks the thinking blocks found, in order
 */
public record ThinkingExtraction(String visible, List<String> blocks) {

    /** Validates and copies the fields. */
    public ThinkingExtraction {
        Objects.requireNonNull(visible, "visible must not be null");
        blocks = List.copyOf(blocks);
    }

    /** The blocks joined by a separator line, or empty when there were none. */
    public Optional<String> thinking() {
        return blocks.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n---\n\n", blocks));
    }
}
