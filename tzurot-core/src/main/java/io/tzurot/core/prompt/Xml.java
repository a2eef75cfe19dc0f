package io.tzurot.core.prompt;

import java.util.Locale;
import java.util.Set;

/**
 * Escaping for the XML-ish prompt: user text can never open or close a section. Element content keeps code,
 * HTML and {@code &&} readable: only a {@code <} that would start one of the prompt's own tags, a markup
 * opener {@code <!} (CDATA, comments) and a CDATA end {@code ]]>} are escaped, so models are not shown (and do
 * not echo back) entities for ordinary text.
 */
public final class Xml {

    /** Every element name the prompt itself writes (a test checks a full prompt against it). */
    static final Set<String> PROMPT_TAGS = Set.of(
            "about", "attachments", "authors_note", "category", "channel", "character", "character_directives", "character_info",
            "chat_log", "constraint", "content", "context", "contextual_references", "conversational_examples",
            "conversational_goals", "datetime", "directive", "display_name", "embed", "embeds", "fact", "formatting_rules",
            "from", "guild_info", "historical_note", "identity_constraints", "image", "image_descriptions",
            "instruction", "known_facts", "location", "memory_archive", "message", "name", "note", "output_constraints",
            "participant", "participants", "permissions", "permitted", "personality_age", "personality_appearance",
            "personality_dislikes", "personality_likes", "personality_tone", "personality_traits",
            "platform_constraints", "pronouns", "protocol", "quote", "quoted_messages", "reaction", "reactions",
            "request_id", "role", "roles", "rule", "server", "system_identity", "thread", "time", "transcript",
            "user_instructions", "user_prompt", "voice_transcripts", "world_info");

    private Xml() {
    }

    /**
     * Escapes element content: a {@code <} opening or closing one of the prompt's tags, {@code <!} and
     * {@code ]]>}; drops characters XML cannot carry. Everything else (code, HTML, {@code &}) stays as typed.
     */
    public static String text(String value) {
        return escape(value, false);
    }

    /** Escapes an attribute value: {@code & < > " '}, and drops characters XML cannot carry. */
    public static String attr(String value) {
        return escape(value, true);
    }

    /** What one pass over a value changes. */
    private enum Pass {
        /** Drops characters XML cannot carry. */
        CLEAN,
        /** Escapes the markup of already cleaned element content. */
        TEXT,
        /** Cleans and escapes every markup character of an attribute value. */
        ATTRIBUTE
    }

    private static String escape(String value, boolean attribute) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (attribute) {
            return pass(value, Pass.ATTRIBUTE);
        }
        // cleaned first, so a dropped character cannot join the halves of a tag after the check
        return pass(pass(value, Pass.CLEAN), Pass.TEXT);
    }

    private static String pass(String value, Pass pass) {
        StringBuilder out = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String replacement = switch (pass) {
                case CLEAN -> invalid(value, i, c);
                case TEXT -> structural(value, i, c) ? (c == '<' ? "&lt;" : "&gt;") : null;
                case ATTRIBUTE -> {
                    String markup = attributeMarkup(c);
                    yield markup != null ? markup : invalid(value, i, c);
                }
            };
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                // Most text needs no escaping; allocate only once something must change.
                out = new StringBuilder(length + 16).append(value, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? value : out.toString();
    }

    private static String attributeMarkup(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&apos;";
            default -> null;
        };
    }

    /** The replacement of a character XML cannot carry (dropped, or U+FFFD for a lone surrogate); null if valid. */
    private static String invalid(String value, int i, char c) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return "";
        }
        if (c == '\uFFFE' || c == '\uFFFF') {
            return "";
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            return paired ? null : "\uFFFD";
        }
        if (Character.isLowSurrogate(c)) {
            boolean paired = i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            return paired ? null : "\uFFFD";
        }
        return null;
    }

    /** Whether this {@code <} or {@code >} of element content could act as the prompt's markup. */
    private static boolean structural(String value, int i, char c) {
        if (c == '>') {
            return i >= 2 && value.charAt(i - 1) == ']' && value.charAt(i - 2) == ']';
        }
        if (c != '<') {
            return false;
        }
        int at = i + 1;
        if (at < value.length() && value.charAt(at) == '!') {
            return true;
        }
        if (at < value.length() && value.charAt(at) == '/') {
            at++;
        }
        int start = at;
        while (at < value.length() && isNameChar(value.charAt(at))) {
            at++;
        }
        if (at == start) {
            return false;
        }
        boolean ends = at == value.length() || value.charAt(at) == '>' || value.charAt(at) == '/'
                || Character.isWhitespace(value.charAt(at));
        return ends && PROMPT_TAGS.contains(value.substring(start, at).toLowerCase(Locale.ROOT));
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == ':' || c == '.';
    }
}
