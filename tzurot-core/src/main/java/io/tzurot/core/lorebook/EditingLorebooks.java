package io.tzurot.core.lorebook;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.activation.RegexKeyCheck;
import io.tzurot.core.text.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Use case: a user's own lorebooks, edited by hand (the console editor, {@code /lorebook}): create, rename, delete,
 * and add, edit or remove entries. Only the book's owner (or the bot owner) sees or changes a book; anyone else's
 * answers as not found. Every value is checked before anything is written; an edit keeps what the editor does not
 * show (imported extensions, ids, recursion flags). Entries are numbered from 1 in the book's order.
 */
public final class EditingLorebooks {

    /** Longest entry content, in characters. */
    public static final int MAX_CONTENT = 20_000;
    /** Longest key, in characters. */
    public static final int MAX_KEY = 200;
    /** Most keys of one kind on an entry. */
    public static final int MAX_KEYS = 100;
    /** Most entries in a hand-edited book. */
    public static final int MAX_ENTRIES = 2_000;
    /** Longest comment (the entry's label), in characters. */
    public static final int MAX_COMMENT = 200;
    /** Longest inclusion group name(s), in characters. */
    public static final int MAX_GROUP = 100;
    /** Deepest depth placement, and longest sticky, cooldown and delay, in messages. */
    public static final int MAX_TURNS = 1_000;
    /** Largest insertion order. */
    public static final int MAX_ORDER = 1_000_000;

    private final LorebookRepository books;

    public EditingLorebooks(LorebookRepository books) {
        this.books = Objects.requireNonNull(books, "books");
    }

    /** The caller's own books, by name. */
    public List<LorebookSummary> list(Actor actor) {
        return books.listOwned(actor.userId());
    }

    /** One of the caller's books (the bot owner: any). */
    public Lorebook view(Actor actor, UUID bookId) {
        return books.find(bookId).filter(b -> actor.mayManage(b.ownerId()))
                .orElseThrow(() -> DomainException.notFound("Lorebook '" + bookId + "'"));
    }

    /** A new empty book owned by the caller. */
    public Lorebook create(Actor actor, String name) {
        String clean = TextRules.required("name", name, LorebookContent.MAX_NAME, TextRules.Lines.SINGLE);
        return books.create(actor.userId(), new LorebookContent(clean, "", null, null, null, null, null, List.of()));
    }

    /** Renames one of the caller's books. */
    public Lorebook rename(Actor actor, UUID bookId, String name) {
        String clean = TextRules.required("name", name, LorebookContent.MAX_NAME, TextRules.Lines.SINGLE);
        Lorebook book = view(actor, bookId);
        return save(book, book.content().withName(clean));
    }

    /** What a person types to confirm a deletion where nothing else asks twice (a Discord modal). */
    public static final String CONFIRMATION = "DELETE";

    /** Deletes the book when {@code typed} is {@link #CONFIRMATION} (any case); anything else deletes nothing. */
    public Lorebook deleteConfirmed(Actor actor, UUID bookId, String typed) {
        Lorebook book = view(actor, bookId);
        if (typed == null || !typed.strip().equalsIgnoreCase(CONFIRMATION)) {
            throw DomainException.invalid("confirm", "Nothing was deleted: type " + CONFIRMATION + " to confirm.");
        }
        delete(actor, bookId);
        return book;
    }

    /** Deletes one of the caller's books, its entries and its attachments. */
    public void delete(Actor actor, UUID bookId) {
        Lorebook book = view(actor, bookId);
        if (!books.delete(book.id())) {
            throw DomainException.notFound("Lorebook '" + bookId + "'");
        }
    }

    /** Adds an entry at the end of one of the caller's books. */
    public Lorebook addEntry(Actor actor, UUID bookId, EntryDraft draft) {
        Lorebook book = view(actor, bookId);
        List<LorebookEntry> entries = new ArrayList<>(book.content().entries());
        if (entries.size() >= MAX_ENTRIES) {
            throw DomainException.invalid("entries", "A lorebook holds at most " + MAX_ENTRIES + " entries.");
        }
        LorebookEntry blank = new LorebookEntry(nextId(entries), false, List.of(), List.of(), "", null, null, null,
                null, null, null, null, null, null, null, null);
        entries.add(apply(blank, draft));
        return save(book, withEntries(book.content(), entries));
    }

    /** Changes entry {@code number} (from 1) of one of the caller's books. */
    public Lorebook editEntry(Actor actor, UUID bookId, int number, EntryDraft draft) {
        Lorebook book = view(actor, bookId);
        List<LorebookEntry> entries = new ArrayList<>(book.content().entries());
        int i = index(book, number);
        entries.set(i, apply(entries.get(i), draft));
        return save(book, withEntries(book.content(), entries));
    }

    /** Removes entry {@code number} (from 1) of one of the caller's books; returns the removed entry. */
    public LorebookEntry removeEntry(Actor actor, UUID bookId, int number) {
        Lorebook book = view(actor, bookId);
        List<LorebookEntry> entries = new ArrayList<>(book.content().entries());
        LorebookEntry removed = entries.remove(index(book, number));
        save(book, withEntries(book.content(), entries));
        return removed;
    }

    /** Entry {@code number} (from 1) of one of the caller's books. */
    public LorebookEntry entry(Actor actor, UUID bookId, int number) {
        Lorebook book = view(actor, bookId);
        return book.content().entries().get(index(book, number));
    }

    private static int index(Lorebook book, int number) {
        int size = book.content().entries().size();
        if (number < 1 || number > size) {
            throw DomainException.notFound("Entry " + number + " of lorebook '" + book.name() + "' (it has " + size
                    + (size == 1 ? " entry)" : " entries)"));
        }
        return number - 1;
    }

    private Lorebook save(Lorebook book, LorebookContent content) {
        return books.replace(book.id(), content)
                .orElseThrow(() -> DomainException.notFound("Lorebook '" + book.id() + "'"));
    }

    private static LorebookContent withEntries(LorebookContent c, List<LorebookEntry> entries) {
        return new LorebookContent(c.name(), c.description(), c.scanDepth(), c.tokenBudget(), c.recursiveScanning(),
                c.extensionsJson(), c.extraJson(), entries);
    }

    private static String nextId(List<LorebookEntry> entries) {
        long max = -1;
        for (LorebookEntry e : entries) {
            try {
                max = Math.max(max, e.entryId() == null ? -1 : Long.parseLong(e.entryId()));
            } catch (NumberFormatException ignored) {
                // a text id (V3 allows them) takes no part in the numbering
            }
        }
        return Long.toString(Math.max(max + 1, entries.size()));
    }

    /** The entry with the draft's values checked and set; fields the draft leaves null keep their value. */
    static LorebookEntry apply(LorebookEntry old, EntryDraft d) {
        List<String> keys = d.keys() == null ? old.keys() : keys("keys", d.keys());
        List<String> secondary = d.secondaryKeys() == null ? old.secondaryKeys()
                : keys("secondaryKeys", d.secondaryKeys());
        String content = d.content() == null ? old.content()
                : TextRules.required("content", d.content(), MAX_CONTENT, TextRules.Lines.MULTI);
        String comment = d.comment() == null ? old.comment()
                : TextRules.optional("comment", d.comment(), MAX_COMMENT, TextRules.Lines.SINGLE).orElse(null);
        LorebookEntry.Matching m = old.matching();
        Boolean constant = d.constant() != null ? d.constant() : m.constant();
        if (keys.isEmpty() && !Boolean.TRUE.equals(constant)) {
            throw DomainException.invalid("keys", "An entry needs at least one key, unless it is constant.");
        }
        Integer logic = d.logic() == null ? m.selectiveLogic() : name("logic", EntryDraft.LOGICS, d.logic(),
                "and_any, and_all, not_any or not_all");
        Integer probability = d.probability() == null ? m.probability() : range("probability", d.probability(), 0, 100);
        LorebookEntry.Matching matching = new LorebookEntry.Matching(
                d.enabled() != null ? d.enabled() : m.enabled(), constant,
                secondary.isEmpty() ? m.selective() : Boolean.TRUE, logic,
                d.caseSensitive() != null ? d.caseSensitive() : m.caseSensitive(),
                d.wholeWords() != null ? d.wholeWords() : m.matchWholeWords(), m.useRegex(), m.scanDepth(),
                probability, d.probability() != null ? Boolean.valueOf(probability < 100) : m.useProbability(),
                m.vectorized());
        LorebookEntry.Placement p = old.placement();
        Integer position = d.position() == null ? p.position() : name("position", EntryDraft.POSITIONS, d.position(),
                "before_character, after_character, authors_note_top, authors_note_bottom or at_depth");
        String cardPosition = position == null ? p.cardPosition() : position == 0 ? "before_char"
                : position == 1 ? "after_char" : p.cardPosition();
        LorebookEntry.Placement placement = new LorebookEntry.Placement(
                d.order() == null ? p.insertionOrder() : range("order", d.order(), 0, MAX_ORDER), p.priority(),
                cardPosition, position, d.depth() == null ? p.depth() : range("depth", d.depth(), 0, MAX_TURNS),
                d.role() == null ? p.role() : name("role", EntryDraft.ROLES, d.role(), "system, user or assistant"),
                p.displayIndex());
        LorebookEntry.Timing t = old.timing();
        LorebookEntry.Timing timing = new LorebookEntry.Timing(
                d.sticky() == null ? t.sticky() : range("sticky", d.sticky(), 0, MAX_TURNS),
                d.cooldown() == null ? t.cooldown() : range("cooldown", d.cooldown(), 0, MAX_TURNS),
                d.delay() == null ? t.delay() : range("delay", d.delay(), 0, MAX_TURNS));
        LorebookEntry.Grouping g = old.grouping();
        String group = d.group() == null ? g.group()
                : TextRules.optional("group", d.group(), MAX_GROUP, TextRules.Lines.SINGLE).orElse(null);
        LorebookEntry.Grouping grouping = new LorebookEntry.Grouping(group, g.groupOverride(), g.groupWeight(),
                g.useGroupScoring());
        return new LorebookEntry(old.entryId(), old.idIsText(), keys, secondary, content, comment, old.name(), matching,
                placement, timing, grouping, old.recursion(), old.automationId(), old.characterFilterJson(),
                old.extensionsJson(), old.extraJson());
    }

    private static List<String> keys(String field, String text) {
        List<String> keys = EntryDraft.parseKeys(text);
        if (keys.size() > MAX_KEYS) {
            throw DomainException.invalid(field, "At most " + MAX_KEYS + " keys, got " + keys.size() + ".");
        }
        for (String key : keys) {
            TextRules.problem(field, key, MAX_KEY, TextRules.Lines.SINGLE).ifPresent(p -> {
                throw DomainException.invalid(field, "The key '" + shorten(key) + "': " + p);
            });
            if (!RegexKeyCheck.compiles(key)) {
                throw DomainException.invalid(field, "The key " + shorten(key) + " is not a regex that compiles;"
                        + " write it /pattern/flags, or remove the slashes to match it as plain text.");
            }
        }
        return keys;
    }

    private static Integer name(String field, List<String> names, String value, String expected) {
        int i = EntryDraft.indexOf(names, value).orElse(-1);
        if (i < 0) {
            throw DomainException.invalid(field, "'" + field + "' is " + expected + ", not '" + shorten(value) + "'.");
        }
        return i;
    }

    private static Integer range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw DomainException.invalid(field, "'" + field + "' is a whole number from " + min + " to " + max
                    + ", got " + value + ".");
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
