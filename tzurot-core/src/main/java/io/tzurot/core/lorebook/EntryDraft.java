package io.tzurot.core.lorebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an editor (a console form, a Discord modal) sets on one lorebook entry. Text as typed: {@link EditingLorebooks}
 * checks it; a null setting means "the default" (or, when editing, that the face does not show the field: it is kept).
 *
 * @param keys          primary keys, separated by commas or line breaks; a regex key {@code /pattern/flags} on its own line
 * @param secondaryKeys optional keys, same form
 * @param logic         {@code and_any} (default), {@code and_all}, {@code not_any}, {@code not_all}
 * @param position      {@code before_character}, {@code after_character} (default), {@code authors_note_top},
 *                      {@code authors_note_bottom}, {@code at_depth}
 * @param role          {@code system} (default), {@code user}, {@code assistant}: for {@code at_depth}
 * @param caseSensitive null = the book's default (insensitive)
 * @param wholeWords    null = the book's default (whole words)
 */
public record EntryDraft(String keys, String secondaryKeys, String logic, String content, String comment,
                         Boolean constant, Boolean enabled, String position, Integer depth, String role, Integer order,
                         Integer probability, Integer sticky, Integer cooldown, Integer delay, String group,
                         Boolean caseSensitive, Boolean wholeWords) {

    /** Logic names, by SillyTavern's number (0 AND ANY, 1 NOT ALL, 2 NOT ANY, 3 AND ALL). */
    public static final List<String> LOGICS = List.of("and_any", "not_all", "not_any", "and_all");
    /** Position names an editor may choose, with SillyTavern's numbers 0-4. */
    public static final List<String> POSITIONS = List.of("before_character", "after_character", "authors_note_top",
            "authors_note_bottom", "at_depth");
    /** Roles of a depth placement, by number. */
    public static final List<String> ROLES = List.of("system", "user", "assistant");

    /** Only keys and content: every other setting left as it is (or the default for a new entry). */
    public static EntryDraft text(String keys, String secondaryKeys, String content, String comment) {
        return new EntryDraft(keys, secondaryKeys, null, content, comment, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** The draft showing an existing entry, for a form to start from. */
    public static EntryDraft of(LorebookEntry e) {
        LorebookEntry.Matching m = e.matching();
        LorebookEntry.Placement p = e.placement();
        int logic = m.selectiveLogic() == null || m.selectiveLogic() < 0 || m.selectiveLogic() > 3 ? 0
                : m.selectiveLogic();
        int position = p.position() != null ? p.position() : "before_char".equals(p.cardPosition()) ? 0 : 1;
        String positionName = position >= 0 && position < POSITIONS.size() ? POSITIONS.get(position)
                : "after_character"; // examples (5, 6) sit inside the character definition
        int role = p.role() == null || p.role() < 0 || p.role() > 2 ? 0 : p.role();
        return new EntryDraft(joinKeys(e.keys()), joinKeys(e.secondaryKeys()), LOGICS.get(logic), e.content(),
                e.comment() != null ? e.comment() : e.name(), Boolean.TRUE.equals(m.constant()), e.isEnabled(),
                positionName, p.depth(), ROLES.get(role), p.insertionOrder(), m.probability(), e.timing().sticky(),
                e.timing().cooldown(), e.timing().delay(), e.grouping().group(), m.caseSensitive(),
                m.matchWholeWords());
    }

    /** Keys as an editor shows them: plain keys joined with ", ", each regex key on a line of its own. */
    public static String joinKeys(List<String> keys) {
        StringBuilder out = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            if (io.tzurot.core.lorebook.activation.RegexKeyCheck.isRegex(key) || key.contains(",")) {
                lines.add(key);
            } else {
                plain.append(plain.length() == 0 ? "" : ", ").append(key);
            }
        }
        if (plain.length() > 0) {
            out.append(plain);
        }
        for (String line : lines) {
            out.append(out.length() == 0 ? "" : "\n").append(line);
        }
        return out.toString();
    }

    /**
     * Splits typed keys: by line, then by comma, except a line written as a regex ({@code /.../flags}), which is one
     * key whatever commas it holds. Blank keys are dropped, duplicates kept once.
     */
    public static List<String> parseKeys(String text) {
        List<String> keys = new ArrayList<>();
        if (text == null) {
            return keys;
        }
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (io.tzurot.core.lorebook.activation.RegexKeyCheck.isRegex(trimmed)) {
                add(keys, trimmed);
                continue;
            }
            for (String part : trimmed.split(",")) {
                add(keys, part.strip());
            }
        }
        return keys;
    }

    private static void add(List<String> keys, String key) {
        if (!key.isEmpty() && !keys.contains(key)) {
            keys.add(key);
        }
    }

    /** The index of a name in {@code names} (case-insensitive, {@code -} and space read as {@code _}). */
    static Optional<Integer> indexOf(List<String> names, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        int i = names.indexOf(wanted);
        return i < 0 ? Optional.of(-1) : Optional.of(i);
    }
}
