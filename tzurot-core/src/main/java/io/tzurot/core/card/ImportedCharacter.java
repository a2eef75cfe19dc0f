package io.tzurot.core.card;

import io.tzurot.core.personality.Personality;

/** The result of an import: the stored character and how many lorebook entries came with it. */
public record ImportedCharacter(Personality personality, int lorebookEntries) {
}
