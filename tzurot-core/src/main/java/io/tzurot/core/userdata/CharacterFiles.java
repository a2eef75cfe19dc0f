package io.tzurot.core.userdata;

import io.tzurot.core.personality.Personality;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The files that describe one character in a user's data export, by path inside the character's folder
 * (e.g. {@code ada.json}, {@code ada.card.json}, {@code ada.png}, {@code lorebooks/...}). The character
 * formats (the reference's JSON, SillyTavern cards, lorebooks) plug in here.
 */
@FunctionalInterface
public interface CharacterFiles {

    /** The files of {@code character}, whose avatar (PNG) is {@code avatar}; insertion order is archive order. */
    Map<String, byte[]> filesOf(Personality character, Optional<byte[]> avatar);

    /** Files of the user that belong to no one character (e.g. their own lorebooks), by path in the archive. */
    default Map<String, byte[]> userFiles(UUID userId) {
        return Map.of();
    }
}
