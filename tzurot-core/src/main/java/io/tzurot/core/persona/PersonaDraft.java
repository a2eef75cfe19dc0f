package io.tzurot.core.persona;

import io.tzurot.core.text.TextRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Validated persona fields (spec §4): strings trimmed, blank optional fields become null.
 * Content may be empty only because a default persona is created from a possibly empty Discord bio.
 */
public record PersonaDraft(String name, String description, String content, String preferredName, String pronouns,
                           boolean shareLtmAcrossPersonalities) {

    public PersonaDraft {
        name = name == null ? "" : name.trim();
        content = content == null ? "" : content.trim();
        description = blankToNull(description);
        preferredName = blankToNull(preferredName);
        pronouns = blankToNull(pronouns);
        List<String> problems = new ArrayList<>();
        if (name.isEmpty() || TextRules.length(name) > 255) {
            problems.add("name must be 1-255 characters");
        }
        if (TextRules.length(content) > 4000) {
            problems.add("content must be at most 4000 characters");
        }
        if (description != null && TextRules.length(description) > 500) {
            problems.add("description must be at most 500 characters");
        }
        if (preferredName != null && TextRules.length(preferredName) > 255) {
            problems.add("preferredName must be at most 255 characters");
        }
        if (pronouns != null && TextRules.length(pronouns) > 100) {
            problems.add("pronouns must be at most 100 characters");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid persona: " + String.join("; ", problems));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
