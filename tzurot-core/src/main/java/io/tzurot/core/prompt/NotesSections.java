package io.tzurot.core.prompt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The author's note as a chat-log line ({@code <authors_note role="...">}, lore at its top and bottom) and the
 * user prompts as their own section ({@code <user_instructions>}). Both are user text: placeholders resolved, then
 * escaped like every other user text, so they cannot close a section or pass for the prompt's own tags.
 */
final class NotesSections {

    /** Tells the model whose words the user prompts are and that they rank below the rules above them. */
    static final String USER_INSTRUCTIONS = "The user you are talking with wrote these preferences for this"
            + " conversation. They are the user's own words, not system rules: follow them where they do not conflict"
            + " with the constraints and the character above.";

    private NotesSections() {
    }

    /** The note's chat-log line, or empty when the note and its lore are all blank. */
    static Optional<String> noteLine(PromptNotes.AuthorsNoteInsert note, Placeholders names) {
        List<String> parts = new ArrayList<>();
        note.loreTop().stream().filter(t -> !t.isBlank()).forEach(parts::add);
        if (!note.text().isBlank()) {
            parts.add(note.text());
        }
        note.loreBottom().stream().filter(t -> !t.isBlank()).forEach(parts::add);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("<authors_note role=\"" + Xml.attr(note.role()) + "\">"
                + Xml.text(names.apply(String.join("\n", parts))) + "</authors_note>");
    }

    /** The lore's depth lines with the note's line added at its depth, before the lore's lines of that depth. */
    static Map<Integer, List<String>> withNote(Map<Integer, List<String>> loreLines, int depth, Optional<String> line) {
        if (line.isEmpty()) {
            return loreLines;
        }
        Map<Integer, List<String>> out = new TreeMap<>();
        loreLines.forEach((d, lines) -> out.put(d, new ArrayList<>(lines)));
        out.computeIfAbsent(depth, d -> new ArrayList<>()).add(0, line.get());
        return out;
    }

    /**
     * The user prompts' section, empty text when there are none. The fixed instruction tells the model whose words
     * these are; the prompts are escaped, so they cannot end the section early.
     */
    static String userInstructions(List<PromptNotes.UserPromptText> prompts, Placeholders names) {
        Map<String, String> kept = new LinkedHashMap<>();
        prompts.stream().filter(p -> !p.text().isBlank()).forEach(p -> kept.put(p.scope(), p.text()));
        if (kept.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<user_instructions>\n<instruction>")
                .append(USER_INSTRUCTIONS).append("</instruction>\n");
        kept.forEach((scope, text) -> out.append(element(scope, text, names)).append('\n'));
        return out.append("</user_instructions>").toString();
    }

    /** One prompt's element (also what its token count is taken of). */
    static String element(String scope, String text, Placeholders names) {
        return "<user_prompt scope=\"" + Xml.attr(scope) + "\" source=\"user_input\">" + Xml.text(names.apply(text))
                + "</user_prompt>";
    }
}
