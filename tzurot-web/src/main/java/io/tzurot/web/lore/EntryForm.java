package io.tzurot.web.lore;

import io.javalin.http.Context;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.EntryDraft;
import io.tzurot.web.console.FormError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry's form in the console editor: its values as text (what was stored, or what was just typed back after a
 * refusal) and the error to show next to its field.
 *
 * @param number the entry's number from 1, or 0 for the new-entry form
 */
public record EntryForm(String bookId, int number, Map<String, String> values, FormError error) {

    /** Select choices, as the core names them. */
    public static final List<String> LOGICS = EntryDraft.LOGICS;
    public static final List<String> POSITIONS = EntryDraft.POSITIONS;
    public static final List<String> ROLES = EntryDraft.ROLES;
    /** Tri-state choices of case sensitivity and whole words: the book's default, yes, no. */
    public static final List<String> TRI = List.of("", "true", "false");
    private static final List<String> NUMBERS = List.of("depth", "order", "probability", "sticky", "cooldown", "delay");

    /** Keys of {@link #values} that are not fields: the entry's label, and "just saved". */
    static final String SUMMARY = "_summary";
    static final String SAVED = "_saved";

    public String summary() {
        return value(SUMMARY);
    }

    public boolean saved() {
        return checked(SAVED);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean checked(String name) {
        return "true".equals(values.get(name));
    }

    public String id(String name) {
        return "entry-" + number + "-" + name;
    }

    public String action() {
        return "/console/lorebooks/" + bookId + "/entries" + (number == 0 ? "" : "/" + number);
    }

    /** A fresh form for a new entry: enabled, after the character, order 100. */
    static EntryForm blank(String bookId) {
        Map<String, String> v = new HashMap<>();
        v.put("enabled", "true");
        v.put("logic", "and_any");
        v.put("position", "after_character");
        v.put("role", "system");
        v.put("order", "100");
        v.put("probability", "100");
        return new EntryForm(bookId, 0, v, FormError.NONE);
    }

    /** The form showing a stored entry. */
    static EntryForm of(String bookId, int number, EntryDraft d) {
        Map<String, String> v = new HashMap<>();
        put(v, "keys", d.keys());
        put(v, "secondaryKeys", d.secondaryKeys());
        put(v, "logic", d.logic());
        put(v, "content", d.content());
        put(v, "comment", d.comment());
        put(v, "constant", d.constant());
        put(v, "enabled", d.enabled());
        put(v, "position", d.position());
        put(v, "depth", d.depth());
        put(v, "role", d.role());
        put(v, "order", d.order());
        put(v, "probability", d.probability());
        put(v, "sticky", d.sticky());
        put(v, "cooldown", d.cooldown());
        put(v, "delay", d.delay());
        put(v, "group", d.group());
        put(v, "caseSensitive", d.caseSensitive());
        put(v, "wholeWords", d.wholeWords());
        return new EntryForm(bookId, number, v, FormError.NONE);
    }

    /** What was typed, to show again with an error. */
    static EntryForm typed(String bookId, int number, Context ctx, FormError error) {
        Map<String, String> v = new HashMap<>();
        for (String name : List.of("keys", "secondaryKeys", "logic", "content", "comment", "position", "depth",
                "role", "order", "probability", "sticky", "cooldown", "delay", "group", "caseSensitive",
                "wholeWords")) {
            put(v, name, ctx.formParam(name));
        }
        v.put("constant", Boolean.toString(ctx.formParam("constant") != null));
        v.put("enabled", Boolean.toString(ctx.formParam("enabled") != null));
        return new EntryForm(bookId, number, v, error);
    }

    /** The submitted form as a draft; a number that is not one is refused naming its field. */
    static EntryDraft draft(Context ctx) {
        Map<String, Integer> n = new HashMap<>();
        for (String name : NUMBERS) {
            String raw = ctx.formParam(name);
            if (raw != null && !raw.isBlank()) {
                try {
                    n.put(name, Integer.parseInt(raw.strip()));
                } catch (NumberFormatException e) {
                    throw DomainException.invalid(name, "'" + name + "' is a whole number, not '" + raw.strip() + "'.");
                }
            }
        }
        return new EntryDraft(text(ctx, "keys"), text(ctx, "secondaryKeys"), blankToNull(ctx.formParam("logic")),
                text(ctx, "content"), text(ctx, "comment"), ctx.formParam("constant") != null,
                ctx.formParam("enabled") != null, blankToNull(ctx.formParam("position")), n.get("depth"),
                blankToNull(ctx.formParam("role")), n.get("order"), n.get("probability"), n.get("sticky"),
                n.get("cooldown"), n.get("delay"), text(ctx, "group"), tri(ctx.formParam("caseSensitive")),
                tri(ctx.formParam("wholeWords")));
    }

    private static String text(Context ctx, String name) {
        String raw = ctx.formParam(name);
        return raw == null ? "" : raw;
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }

    private static Boolean tri(String raw) {
        return raw == null || raw.isBlank() ? null : Boolean.valueOf(raw);
    }

    private static void put(Map<String, String> v, String name, Object value) {
        if (value != null) {
            v.put(name, value.toString());
        }
    }
}
