package io.tzurot.storage.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lorebook as a card's {@code character_book} (V2/V3) and as a SillyTavern world-info file. Typed settings are
 * taken out of the JSON (when they have the expected type); every other key is kept as the file had it.
 */
final class BookJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> CARD_BOOK_KEYS = Set.of("name", "description", "scan_depth", "token_budget",
            "recursive_scanning", "extensions", "entries");
    private static final Set<String> CARD_ENTRY_PLAIN = Set.of("id", "keys", "secondary_keys", "content", "comment",
            "name", "extensions");
    private static final Set<String> WORLD_ENTRY_PLAIN = Set.of("uid", "key", "keysecondary", "content", "comment",
            "disable", "extensions");

    private BookJson() {
    }

    // ---- card book ----

    static LorebookContent fromCardBook(JsonNode book, String path) {
        ObjectNode b = Shapes.object(book, path);
        ArrayNode entries = Shapes.array(b.get("entries"), path + ".entries", true);
        checkCount(entries.size(), path);
        List<LorebookEntry> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(cardEntry(entries.get(i), path + ".entries[" + i + "]"));
        }
        return new LorebookContent(Shapes.optionalText(b, "name", path).orElse(""),
                Shapes.optionalText(b, "description", path).orElse(null),
                Shapes.optionalInt(b, "scan_depth", path), Shapes.optionalInt(b, "token_budget", path),
                Shapes.optionalBool(b, "recursive_scanning", path),
                b.has("extensions") ? Json.write(Shapes.object(b.get("extensions"), path + ".extensions")) : null,
                Json.write(rest(b, CARD_BOOK_KEYS)), out);
    }

    private static LorebookEntry cardEntry(JsonNode node, String path) {
        ObjectNode e = Shapes.object(node, path);
        ObjectNode ext = e.has("extensions") ? Shapes.object(e.get("extensions"), path + ".extensions").deepCopy()
                : NODES.objectNode();
        Map<String, JsonNode> typed = new LinkedHashMap<>();
        ObjectNode extra = rest(e, CARD_ENTRY_PLAIN);
        for (EntryFields.Field f : EntryFields.FIELDS) {
            ObjectNode from = f.card() == EntryFields.Where.ENTRY ? extra : ext;
            JsonNode v = from.get(f.cardKey());
            if (v != null && f.accepts(v)) {
                typed.put(f.name(), v);
                from.remove(f.cardKey());
            }
        }
        JsonNode id = e.get("id");
        if (id != null && !id.isNull() && !id.isTextual() && !id.isIntegralNumber()) {
            throw Shapes.wrongType(path + ".id", "number or string", id);
        }
        if (id != null && id.isNull()) {
            extra.set("id", id);
        }
        return EntryFields.entry(id == null || id.isNull() ? null : id.asText(), id != null && id.isTextual(),
                Shapes.strings(e.get("keys"), path + ".keys", true),
                Shapes.strings(e.get("secondary_keys"), path + ".secondary_keys", false),
                Shapes.optionalText(e, "content", path).orElse(""), Shapes.optionalText(e, "comment", path).orElse(null),
                Shapes.optionalText(e, "name", path).orElse(null), typed, Json.write(ext), Json.write(extra));
    }

    static ObjectNode toCardBook(LorebookContent book) {
        ObjectNode b = NODES.objectNode();
        if (!book.name().isEmpty()) {
            b.put("name", book.name());
        }
        if (book.description() != null) {
            b.put("description", book.description());
        }
        if (book.scanDepth() != null) {
            b.put("scan_depth", book.scanDepth());
        }
        if (book.tokenBudget() != null) {
            b.put("token_budget", book.tokenBudget());
        }
        if (book.recursiveScanning() != null) {
            b.put("recursive_scanning", book.recursiveScanning());
        }
        b.set("extensions", Json.parseTrusted(book.extensionsJson()));
        ArrayNode entries = b.putArray("entries");
        for (LorebookEntry e : book.entries()) {
            entries.add(cardEntry(e));
        }
        b.setAll((ObjectNode) Json.parseTrusted(book.extraJson()));
        return b;
    }

    private static ObjectNode cardEntry(LorebookEntry e) {
        ObjectNode out = NODES.objectNode();
        if (e.entryId() != null) {
            if (e.idIsText()) {
                out.put("id", e.entryId());
            } else {
                out.set("id", NODES.numberNode(new java.math.BigInteger(e.entryId())));
            }
        }
        out.set("keys", strings(e.keys()));
        out.set("secondary_keys", strings(e.secondaryKeys()));
        if (e.comment() != null) {
            out.put("comment", e.comment());
        }
        if (e.name() != null) {
            out.put("name", e.name());
        }
        out.put("content", e.content());
        ObjectNode ext = (ObjectNode) Json.parseTrusted(e.extensionsJson());
        Map<String, JsonNode> typed = EntryFields.values(e);
        for (EntryFields.Field f : EntryFields.FIELDS) {
            JsonNode v = typed.get(f.name());
            if (v != null) {
                (f.card() == EntryFields.Where.ENTRY ? out : ext).set(f.cardKey(), v);
            }
        }
        if (!out.has("enabled")) {
            out.put("enabled", true); // required by V2; absent means enabled
        }
        if (!out.has("insertion_order")) {
            out.put("insertion_order", 100);
        }
        out.set("extensions", ext);
        out.setAll((ObjectNode) Json.parseTrusted(e.extraJson()));
        return out;
    }

    // ---- SillyTavern world-info file ----

    static LorebookContent fromWorld(ObjectNode root, String path) {
        ObjectNode entries = Shapes.object(root.get("entries"), path + ".entries");
        checkCount(entries.size(), path);
        List<LorebookEntry> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = entries.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> item = it.next();
            out.add(worldEntry(item.getKey(), item.getValue(), path + ".entries[\"" + item.getKey() + "\"]"));
        }
        ObjectNode extra = rest(root, Set.of("entries", "name", "description"));
        return new LorebookContent(Shapes.optionalText(root, "name", path).orElse(""),
                Shapes.optionalText(root, "description", path).orElse(null), null, null, null, null, Json.write(extra), out);
    }

    private static LorebookEntry worldEntry(String mapKey, JsonNode node, String path) {
        ObjectNode e = Shapes.object(node, path);
        ObjectNode extra = rest(e, WORLD_ENTRY_PLAIN);
        Map<String, JsonNode> typed = new LinkedHashMap<>();
        for (EntryFields.Field f : EntryFields.FIELDS) {
            if (f.worldKey() == null) {
                continue;
            }
            JsonNode v = extra.get(f.worldKey());
            if (v != null && f.accepts(v)) {
                typed.put(f.name(), v);
                extra.remove(f.worldKey());
            }
        }
        JsonNode disable = e.get("disable");
        if (disable != null && disable.isBoolean()) {
            typed.put("enabled", NODES.booleanNode(!disable.booleanValue()));
        } else if (disable != null) {
            extra.set("disable", disable);
        }
        JsonNode uid = e.get("uid");
        String id = uid != null && (uid.isIntegralNumber() || uid.isTextual()) ? uid.asText() : mapKey;
        if (uid != null && !uid.isIntegralNumber() && !uid.isTextual()) {
            extra.set("uid", uid);
        }
        ObjectNode ext = e.has("extensions") ? Shapes.object(e.get("extensions"), path + ".extensions") : NODES.objectNode();
        return EntryFields.entry(id, uid != null && uid.isTextual(), Shapes.strings(e.get("key"), path + ".key", false),
                Shapes.strings(e.get("keysecondary"), path + ".keysecondary", false),
                Shapes.optionalText(e, "content", path).orElse(""), Shapes.optionalText(e, "comment", path).orElse(null),
                null, typed, Json.write(ext), Json.write(extra));
    }

    static ObjectNode toWorld(LorebookContent book) {
        ObjectNode root = NODES.objectNode();
        if (!book.name().isEmpty()) {
            root.put("name", book.name());
        }
        if (book.description() != null) {
            root.put("description", book.description());
        }
        ObjectNode entries = root.putObject("entries");
        int index = 0;
        for (LorebookEntry e : book.entries()) {
            String uid = e.entryId() != null && e.entryId().matches("\\d{1,9}") ? e.entryId() : Integer.toString(index);
            while (entries.has(uid)) {
                uid = Integer.toString(++index + book.entries().size());
            }
            ObjectNode w = entries.putObject(uid);
            w.put("uid", Integer.parseInt(uid));
            w.set("key", strings(e.keys()));
            w.set("keysecondary", strings(e.secondaryKeys()));
            w.put("comment", e.comment() == null ? "" : e.comment());
            w.put("content", e.content());
            Map<String, JsonNode> typed = EntryFields.values(e);
            w.put("disable", !e.isEnabled());
            if (typed.containsKey("cardPosition") && !typed.containsKey("position")) {
                w.put("position", "before_char".equals(e.placement().cardPosition()) ? 0 : 1);
            }
            for (EntryFields.Field f : EntryFields.FIELDS) {
                JsonNode v = typed.get(f.name());
                if (v != null && f.worldKey() != null) {
                    w.set(f.worldKey(), v);
                }
            }
            ObjectNode ext = (ObjectNode) Json.parseTrusted(e.extensionsJson());
            if (!ext.isEmpty()) {
                w.set("extensions", ext);
            }
            if (e.name() != null) {
                w.put("name", e.name()); // read back as an unknown key, which follows the extensions
            }
            w.setAll((ObjectNode) Json.parseTrusted(e.extraJson()));
            index++;
        }
        root.setAll((ObjectNode) Json.parseTrusted(book.extraJson()));
        return root;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static ObjectNode rest(ObjectNode o, Set<String> known) {
        ObjectNode r = NODES.objectNode();
        o.fields().forEachRemaining(f -> {
            if (!known.contains(f.getKey())) {
                r.set(f.getKey(), f.getValue());
            }
        });
        return r;
    }

    private static void checkCount(int n, String path) {
        if (n > CardLimits.MAX_LOREBOOK_ENTRIES) {
            throw new io.tzurot.core.card.CardFileException(path + " has " + n + " entries; a lorebook may have at most "
                    + CardLimits.MAX_LOREBOOK_ENTRIES + ".");
        }
    }
}
