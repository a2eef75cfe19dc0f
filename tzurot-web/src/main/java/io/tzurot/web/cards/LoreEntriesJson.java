package io.tzurot.web.cards;

import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.activation.LorePosition;
import io.tzurot.web.openapi.Schemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/personalities/{slug}/lorebook}: every entry of the books attached to the
 * character, in book then entry order. Settings a file left out are null (the global default applies).
 */
final class LoreEntriesJson {

    private static final List<String> LOGIC = List.of("AND_ANY", "NOT_ALL", "NOT_ANY", "AND_ALL");
    private static final List<String> ROLES = List.of("system", "user", "assistant");

    private LoreEntriesJson() {
    }

    static Map<String, Object> body(List<Lorebook> books) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Lorebook book : books) {
            for (LorebookEntry e : book.content().entries()) {
                entries.add(entry(book, e));
            }
        }
        return Map.of("entries", entries);
    }

    private static Map<String, Object> entry(Lorebook book, LorebookEntry e) {
        LorebookEntry.Matching m = e.matching();
        LorebookEntry.Placement p = e.placement();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lorebookId", book.id());
        out.put("lorebookName", book.name());
        out.put("id", e.entryId());
        out.put("comment", e.comment());
        out.put("keys", e.keys());
        out.put("secondaryKeys", e.secondaryKeys());
        out.put("content", e.content());
        out.put("enabled", e.isEnabled());
        out.put("constant", Boolean.TRUE.equals(m.constant()));
        out.put("selective", m.selective());
        out.put("selectiveLogic", m.selectiveLogic() == null || m.selectiveLogic() < 0 || m.selectiveLogic() > 3 ? null
                : LOGIC.get(m.selectiveLogic()));
        out.put("caseSensitive", m.caseSensitive());
        out.put("matchWholeWords", m.matchWholeWords());
        out.put("useRegex", m.useRegex());
        out.put("scanDepth", m.scanDepth());
        out.put("probability", m.probability());
        LorePosition position = LorePosition.of(p.position(), p.cardPosition());
        out.put("position", position.wireName());
        out.put("depth", position == LorePosition.AT_DEPTH ? p.depth() : null);
        out.put("role", position == LorePosition.AT_DEPTH && p.role() != null && p.role() >= 0 && p.role() < 3
                ? ROLES.get(p.role()) : null);
        out.put("order", p.insertionOrder());
        out.put("priority", p.priority());
        out.put("sticky", e.timing().sticky());
        out.put("cooldown", e.timing().cooldown());
        out.put("delay", e.timing().delay());
        out.put("group", e.grouping().group());
        out.put("groupOverride", e.grouping().groupOverride());
        out.put("groupWeight", e.grouping().groupWeight());
        out.put("excludeRecursion", e.recursion().excludeRecursion());
        out.put("preventRecursion", e.recursion().preventRecursion());
        out.put("delayUntilRecursion", e.recursion().delayUntilRecursion());
        return out;
    }

    static void define(Schemas s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lorebookId", Schemas.format("uuid", "The book the entry belongs to"));
        p.put("lorebookName", Schemas.string("That book's name"));
        p.put("id", Schemas.nullable(Schemas.string("The entry's id in its file")));
        p.put("comment", Schemas.nullable(Schemas.string("Label or memo; never in the prompt")));
        p.put("keys", Schemas.arrayOf(Schemas.string("A primary key: plain text, or /regex/flags")));
        p.put("secondaryKeys", Schemas.arrayOf(Schemas.string("A secondary key")));
        p.put("content", Schemas.string("Text inserted when the entry fires"));
        p.put("enabled", Schemas.bool("False: never fires"));
        p.put("constant", Schemas.bool("Fires without a key"));
        p.put("selective", Schemas.nullable(Schemas.bool("Secondary keys apply (null: yes)")));
        p.put("selectiveLogic", Schemas.nullable(Schemas.string("AND_ANY, NOT_ALL, NOT_ANY or AND_ALL")));
        p.put("caseSensitive", Schemas.nullable(Schemas.bool("Keys match case-sensitively (null: global setting)")));
        p.put("matchWholeWords", Schemas.nullable(Schemas.bool("Single-word keys match whole words only")));
        p.put("useRegex", Schemas.nullable(Schemas.bool("The file's use_regex flag")));
        p.put("scanDepth", Schemas.nullable(integer("Recent messages scanned (null: book or global)")));
        p.put("probability", Schemas.nullable(integer("Chance to fire once matched, 0-100")));
        p.put("position", Schemas.string("before_character, after_character, at_depth, authors_note_top,"
                + " authors_note_bottom or outlet"));
        p.put("depth", Schemas.nullable(integer("Messages from the end, for at_depth")));
        p.put("role", Schemas.nullable(Schemas.string("system, user or assistant, for at_depth")));
        p.put("order", Schemas.nullable(integer("Insertion order: lower is placed earlier (null: 100)")));
        p.put("priority", Schemas.nullable(integer("Card priority")));
        p.put("sticky", Schemas.nullable(integer("Turns it stays after firing")));
        p.put("cooldown", Schemas.nullable(integer("Turns it is blocked after firing or after its sticky")));
        p.put("delay", Schemas.nullable(integer("Turns of a channel before it may fire")));
        p.put("group", Schemas.nullable(Schemas.string("Inclusion groups, comma-separated")));
        p.put("groupOverride", Schemas.nullable(Schemas.bool("Wins its group by order")));
        p.put("groupWeight", Schemas.nullable(integer("Weight in its group's draw")));
        p.put("excludeRecursion", Schemas.nullable(Schemas.bool("Fires only from the chat, never from other entries")));
        p.put("preventRecursion", Schemas.nullable(Schemas.bool("Its content triggers no other entry")));
        p.put("delayUntilRecursion", Schemas.nullable(integer("Fires only from this recursion level on")));
        s.define("LorebookEntry", Schemas.object(List.of("lorebookId", "lorebookName", "keys", "secondaryKeys", "content",
                "enabled", "constant", "position"), p));
        s.define("CharacterLorebook", Schemas.object(List.of("entries"),
                Map.of("entries", Schemas.arrayOf(Schemas.ref("LorebookEntry")))));
    }

    private static Map<String, Object> integer(String description) {
        return Map.of("type", "integer", "description", description);
    }
}
