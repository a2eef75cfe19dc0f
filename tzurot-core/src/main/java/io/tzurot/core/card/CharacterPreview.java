package io.tzurot.core.card;

import java.util.List;

/**
 * What a file would import as, before anything is saved: the mapped fields, first greeting, image and the
 * number of lorebook entries.
 *
 * @param kind  "card-v1", "card-v2", "card-v3" or "tzurot"
 * @param image the image the character would get, or null
 */
public record CharacterPreview(String kind, String name, String slug, String characterInfo, String personalityTraits,
                               String firstMessage, List<String> alternateGreetings, String scenario,
                               byte[] image, int lorebookEntries) {
}
