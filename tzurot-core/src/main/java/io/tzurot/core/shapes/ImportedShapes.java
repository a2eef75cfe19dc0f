package io.tzurot.core.shapes;

import io.tzurot.core.personality.Personality;
import java.util.UUID;

/**
 * The result of a shapes.inc import: the new character, the import job that recorded it, and counts of the
 * memories imported, skipped (deleted, empty or already present) and of the stories left behind.
 */
public record ImportedShapes(Personality personality, UUID jobId, int memoriesImported, int memoriesSkipped,
                             int storiesCount) {
}
