package io.tzurot.core.card;

/** What a character file turned out to hold: a SillyTavern card or the reference's character JSON. */
public sealed interface CharacterFile permits CharacterCard, ReferenceCharacter {
}
