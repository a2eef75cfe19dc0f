package io.tzurot.core.lorebook.activation;

import java.util.Objects;

/** One chat message as the scan sees it: who said it and what. */
public record LoreMessage(String speaker, String text) {

    public LoreMessage {
        speaker = Objects.requireNonNullElse(speaker, "");
        text = Objects.requireNonNullElse(text, "");
    }

    /** "Name: text" when names are included (and known), else the text; trimmed either way. */
    String scanned(boolean includeNames) {
        String body = includeNames && !speaker.isBlank() ? speaker + ": " + text : text;
        return body.strip();
    }
}
