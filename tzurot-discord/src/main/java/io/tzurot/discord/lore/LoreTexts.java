package io.tzurot.discord.lore;

import io.tzurot.core.lorebook.EntryDraft;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.lorebook.activation.FiredEntry;
import io.tzurot.core.lorebook.activation.LoreActivation;
import io.tzurot.core.lorebook.activation.LorePosition;
import java.util.List;
import java.util.Locale;

/** How {@code /lorebook} answers read: lists, entries and the keyword test, within Discord's 2000 characters. */
final class LoreTexts {

    /** Room left in a message for the "and N more" line. */
    private static final int ROOM = 1_850;

    private LoreTexts() {
    }

    static String shortId(Lorebook book) {
        return book.id().toString().substring(0, 8);
    }

    static String list(List<LorebookSummary> books) {
        if (books.isEmpty()) {
            return "📚 You have no lorebooks yet. `/lorebook create name:` starts one.";
        }
        StringBuilder out = new StringBuilder("📚 **Your lorebooks** (" + books.size() + ")");
        for (int i = 0; i < books.size(); i++) {
            LorebookSummary b = books.get(i);
            String line = "\n• **" + b.name() + "** — " + b.entryCount() + (b.entryCount() == 1 ? " entry" : " entries")
                    + " · `" + b.id().toString().substring(0, 8) + "`";
            if (out.length() + line.length() > ROOM) {
                return out.append("\n…and ").append(books.size() - i).append(" more (see the console).").toString();
            }
            out.append(line);
        }
        return out.toString();
    }

    static String view(Lorebook book) {
        List<LorebookEntry> entries = book.content().entries();
        StringBuilder out = new StringBuilder("📖 **" + book.name() + "** · `" + shortId(book) + "` — "
                + entries.size() + (entries.size() == 1 ? " entry" : " entries"));
        if (entries.isEmpty()) {
            return out.append("\nNo entries yet. `/lorebook entry add` adds one.").toString();
        }
        for (int i = 0; i < entries.size(); i++) {
            String line = "\n" + entryLine(i + 1, entries.get(i));
            if (out.length() + line.length() > ROOM) {
                return out.append("\n…and ").append(entries.size() - i).append(" more (see the console).").toString();
            }
            out.append(line);
        }
        return out.toString();
    }

    /** One entry: number, label, keys, its settings that differ from the defaults, and the start of its content. */
    static String entryLine(int number, LorebookEntry e) {
        EntryDraft d = EntryDraft.of(e);
        StringBuilder out = new StringBuilder("**#" + number + "**");
        if (d.comment() != null && !d.comment().isBlank()) {
            out.append(" ").append(d.comment());
        }
        out.append(Boolean.TRUE.equals(d.constant()) ? " · 📌 constant" : "");
        out.append(Boolean.FALSE.equals(d.enabled()) ? " · ⏸️ disabled" : "");
        out.append("\n  keys: ").append(e.keys().isEmpty() ? "—" : "`" + String.join("`, `", e.keys()) + "`");
        if (!e.secondaryKeys().isEmpty()) {
            out.append(" · ").append(d.logic().replace('_', ' ').toUpperCase(Locale.ROOT)).append(" `")
                    .append(String.join("`, `", e.secondaryKeys())).append("`");
        }
        out.append("\n  ").append(d.position().replace('_', ' '));
        if ("at_depth".equals(d.position())) {
            out.append(" ").append(d.depth() == null ? 4 : d.depth()).append(" as ").append(d.role());
        }
        out.append(" · order ").append(d.order() == null ? 100 : d.order());
        appendIf(out, "probability", d.probability(), "%");
        appendIf(out, "sticky", d.sticky(), "");
        appendIf(out, "cooldown", d.cooldown(), "");
        appendIf(out, "delay", d.delay(), "");
        if (d.group() != null) {
            out.append(" · group ").append(d.group());
        }
        out.append("\n  > ").append(preview(e.content(), 90));
        return out.toString();
    }

    private static void appendIf(StringBuilder out, String name, Integer value, String unit) {
        if (value != null && value != 0 && !(name.equals("probability") && value == 100)) {
            out.append(" · ").append(name).append(" ").append(value).append(unit);
        }
    }

    static String test(Lorebook book, LoreActivation a) {
        if (a.fired().isEmpty()) {
            return "🔎 Nothing in **" + book.name() + "** fires on that text.";
        }
        StringBuilder out = new StringBuilder("🔎 **" + book.name() + "**: " + a.fired().size()
                + (a.fired().size() == 1 ? " entry fires" : " entries fire") + " (" + a.tokensUsed() + " of "
                + a.budget() + " tokens" + (a.overflowed() ? "; the budget overflowed, later entries were left out" : "")
                + ")");
        for (int i = 0; i < a.fired().size(); i++) {
            String line = "\n" + firedLine(a.fired().get(i));
            if (out.length() + line.length() > ROOM) {
                return out.append("\n…and ").append(a.fired().size() - i).append(" more.").toString();
            }
            out.append(line);
        }
        return out.toString();
    }

    /** Why one entry fired, where it goes and what it costs. */
    static String firedLine(FiredEntry f) {
        String label = f.label().isBlank() ? "entry " + (f.entryId() == null ? "?" : f.entryId()) : f.label();
        String why = switch (f.reason()) {
            case KEY -> "key `" + f.matchedKey() + "`";
            case CONSTANT -> "constant";
            case STICKY -> "sticky";
            case DECORATOR -> "@@activate";
        };
        String where = f.position() == LorePosition.AT_DEPTH ? "at depth " + f.depth() + " as "
                + f.role().name().toLowerCase(Locale.ROOT) : f.position().wireName().replace('_', ' ');
        return "✅ **" + label + "** — " + why + (f.pass() > 0 ? " (recursion, pass " + f.pass() + ")" : "") + " · "
                + where + " · " + f.tokens() + " tokens\n  > " + preview(f.content(), 90);
    }

    static String preview(String text, int max) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }
}
