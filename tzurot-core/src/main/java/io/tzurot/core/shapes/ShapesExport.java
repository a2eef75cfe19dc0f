package io.tzurot.core.shapes;

import java.util.List;
import java.util.Objects;

/**
 * Everything read for one shapes.inc character before anything is stored: the character, its memories, how
 * many knowledge-base stories it had (counted, not imported) and its avatar image (null when there is none or it
 * could not be fetched).
 */
public record ShapesExport(ShapesCharacter character, List<ShapesMemory> memories, int storiesCount, byte[] avatar) {

    public ShapesExport {
        Objects.requireNonNull(character, "character");
        memories = List.copyOf(memories);
    }
}
