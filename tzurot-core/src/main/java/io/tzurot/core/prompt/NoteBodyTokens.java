package io.tzurot.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The tokens of a memory note's body (its text, then {@code </historical_note>} and a newline) counted without the
 * names its placeholders become: counted once when the memory is stored, so recalling it adds only its names' counts
 * instead of a tokenizer pass over the whole text on every reply that recalls it.
 *
 * <p>Exact with cl100k when every placeholder sits at the start of a line and is followed by {@code :} or a space (the
 * shape stored exchanges have: {@code {user}: …\n{assistant}: …}) and each name begins and ends with a letter or a
 * digit (usernames like {@code ari42} included): then the tokenizer's pre-split never joins a name with its neighbours
 * (a newline is a piece of its own before a letter or digit; a run of letters or of digits stops at {@code :} or a
 * space), so the body's count is the sum of its parts. Any other shape has no stored count and is counted whole.
 */
public final class NoteBodyTokens {

    /** What follows the memory's text in its note, up to the newline that ends the line. */
    static final String CLOSE = "</historical_note>";

    private NoteBodyTokens() {
    }

    /**
     * The tokens of the note body of {@code content} with its placeholders' names left out; empty when a placeholder
     * is where a name could join its neighbours' tokens.
     */
    public static OptionalInt withoutNames(String content, TokenCounter tokens) {
        String text = content.strip();
        List<String> parts = new ArrayList<>(3);
        int[] from = {0};
        boolean[] apart = {true};
        Placeholders.scan(text, (start, end, user) -> {
            boolean lineStart = start == 0 || text.charAt(start - 1) == '\n';
            boolean stops = end == text.length() || text.charAt(end) == ':' || text.charAt(end) == ' ';
            apart[0] &= lineStart && stops;
            parts.add(text.substring(from[0], start));
            from[0] = end;
        });
        if (!apart[0]) {
            return OptionalInt.empty();
        }
        long sum = 0;
        for (String part : parts) {
            sum += tokens.countOnce(Xml.text(part));
        }
        sum += tokens.countOnce(Xml.text(text.substring(from[0])) + CLOSE + "\n");
        return OptionalInt.of((int) sum);
    }

    /**
     * The tokens of the note body of {@code content} for {@code names}, from its {@link #withoutNames} count; empty
     * when a name that occurs could join its neighbours' tokens (or would be escaped), so the body must be counted.
     */
    static OptionalInt withNames(String content, int withoutNames, Placeholders names, TokenCounter tokens) {
        int[] users = {0};
        int[] characters = {0};
        Placeholders.scan(content, (start, end, user) -> (user ? users : characters)[0]++);
        long userTokens = namesTokens(users[0], names.userName(), tokens);
        long characterTokens = namesTokens(characters[0], names.assistantName(), tokens);
        if (userTokens < 0 || characterTokens < 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (withoutNames + userTokens + characterTokens));
    }

    /** The tokens {@code times} occurrences of {@code name} add; -1 when it occurs and could join its neighbours. */
    private static long namesTokens(int times, String name, TokenCounter tokens) {
        if (times == 0) {
            return 0;
        }
        return standsApart(name) ? (long) times * tokens.count(name) : -1;
    }

    /**
     * A name whose tokens never join its neighbours' in a stored exchange's shape, and that escaping leaves alone
     * (without a {@code <}, whose escaping could depend on what follows the name).
     */
    private static boolean standsApart(String name) {
        return !name.isEmpty() && Character.isLetterOrDigit(name.codePointAt(0))
                && Character.isLetterOrDigit(name.codePointBefore(name.length())) && name.indexOf('<') < 0
                && Xml.text(name).equals(name);
    }
}
