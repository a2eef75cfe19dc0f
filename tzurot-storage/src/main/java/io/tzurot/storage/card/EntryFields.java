package io.tzurot.storage.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.LorebookEntry.Grouping;
import io.tzurot.core.lorebook.LorebookEntry.Matching;
import io.tzurot.core.lorebook.LorebookEntry.Placement;
import io.tzurot.core.lorebook.LorebookEntry.Recursion;
import io.tzurot.core.lorebook.LorebookEntry.Timing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed entry settings and where each lives: in a card book entry itself, in the entry's {@code extensions}
 * (SillyTavern's snake_case names), or in a world-info entry (camelCase names).
 */
final class EntryFields {

    enum Type { BOOL, INT, TEXT, OBJECT }

    enum Where { ENTRY, EXTENSIONS }

    /** One typed setting: its canonical name, JSON type, card place and key, and world-info key. */
    record Field(String name, Type type, Where card, String cardKey, String worldKey) {
        boolean accepts(JsonNode v) {
            return switch (type) {
                case BOOL -> v.isBoolean();
                case INT -> v.isIntegralNumber() && v.canConvertToInt();
                case TEXT -> v.isTextual();
                case OBJECT -> v.isObject();
            };
        }
    }

    static final List<Field> FIELDS = List.of(
            new Field("enabled", Type.BOOL, Where.ENTRY, "enabled", null), // world: disable, inverted
            new Field("constant", Type.BOOL, Where.ENTRY, "constant", "constant"),
            new Field("selective", Type.BOOL, Where.ENTRY, "selective", "selective"),
            new Field("selectiveLogic", Type.INT, Where.EXTENSIONS, "selectiveLogic", "selectiveLogic"),
            new Field("caseSensitive", Type.BOOL, Where.ENTRY, "case_sensitive", "caseSensitive"),
            new Field("matchWholeWords", Type.BOOL, Where.EXTENSIONS, "match_whole_words", "matchWholeWords"),
            new Field("useRegex", Type.BOOL, Where.ENTRY, "use_regex", "useRegex"),
            new Field("scanDepth", Type.INT, Where.EXTENSIONS, "scan_depth", "scanDepth"),
            new Field("probability", Type.INT, Where.EXTENSIONS, "probability", "probability"),
            new Field("useProbability", Type.BOOL, Where.EXTENSIONS, "useProbability", "useProbability"),
            new Field("vectorized", Type.BOOL, Where.EXTENSIONS, "vectorized", "vectorized"),
            new Field("insertionOrder", Type.INT, Where.ENTRY, "insertion_order", "order"),
            new Field("priority", Type.INT, Where.ENTRY, "priority", "priority"),
            new Field("cardPosition", Type.TEXT, Where.ENTRY, "position", "cardPosition"),
            new Field("position", Type.INT, Where.EXTENSIONS, "position", "position"),
            new Field("depth", Type.INT, Where.EXTENSIONS, "depth", "depth"),
            new Field("role", Type.INT, Where.EXTENSIONS, "role", "role"),
            new Field("displayIndex", Type.INT, Where.EXTENSIONS, "display_index", "displayIndex"),
            new Field("sticky", Type.INT, Where.EXTENSIONS, "sticky", "sticky"),
            new Field("cooldown", Type.INT, Where.EXTENSIONS, "cooldown", "cooldown"),
            new Field("delay", Type.INT, Where.EXTENSIONS, "delay", "delay"),
            new Field("group", Type.TEXT, Where.EXTENSIONS, "group", "group"),
            new Field("groupOverride", Type.BOOL, Where.EXTENSIONS, "group_override", "groupOverride"),
            new Field("groupWeight", Type.INT, Where.EXTENSIONS, "group_weight", "groupWeight"),
            new Field("useGroupScoring", Type.BOOL, Where.EXTENSIONS, "use_group_scoring", "useGroupScoring"),
            new Field("excludeRecursion", Type.BOOL, Where.EXTENSIONS, "exclude_recursion", "excludeRecursion"),
            new Field("preventRecursion", Type.BOOL, Where.EXTENSIONS, "prevent_recursion", "preventRecursion"),
            new Field("delayUntilRecursion", Type.INT, Where.EXTENSIONS, "delay_until_recursion", "delayUntilRecursion"),
            new Field("automationId", Type.TEXT, Where.EXTENSIONS, "automation_id", "automationId"),
            new Field("characterFilter", Type.OBJECT, Where.EXTENSIONS, "character_filter", "characterFilter"));

    private EntryFields() {
    }

    /** The entry's typed settings that are set, by canonical name, as JSON values. */
    static Map<String, JsonNode> values(LorebookEntry e) {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        Matching m = e.matching();
        Placement p = e.placement();
        put(v, "enabled", m.enabled());
        put(v, "constant", m.constant());
        put(v, "selective", m.selective());
        put(v, "selectiveLogic", m.selectiveLogic());
        put(v, "caseSensitive", m.caseSensitive());
        put(v, "matchWholeWords", m.matchWholeWords());
        put(v, "useRegex", m.useRegex());
        put(v, "scanDepth", m.scanDepth());
        put(v, "probability", m.probability());
        put(v, "useProbability", m.useProbability());
        put(v, "vectorized", m.vectorized());
        put(v, "insertionOrder", p.insertionOrder());
        put(v, "priority", p.priority());
        put(v, "cardPosition", p.cardPosition());
        put(v, "position", p.position());
        put(v, "depth", p.depth());
        put(v, "role", p.role());
        put(v, "displayIndex", p.displayIndex());
        put(v, "sticky", e.timing().sticky());
        put(v, "cooldown", e.timing().cooldown());
        put(v, "delay", e.timing().delay());
        put(v, "group", e.grouping().group());
        put(v, "groupOverride", e.grouping().groupOverride());
        put(v, "groupWeight", e.grouping().groupWeight());
        put(v, "useGroupScoring", e.grouping().useGroupScoring());
        put(v, "excludeRecursion", e.recursion().excludeRecursion());
        put(v, "preventRecursion", e.recursion().preventRecursion());
        put(v, "delayUntilRecursion", e.recursion().delayUntilRecursion());
        put(v, "automationId", e.automationId());
        if (e.characterFilterJson() != null) {
            v.put("characterFilter", Json.parseTrusted(e.characterFilterJson()));
        }
        return v;
    }

    /** An entry from its plain parts and its typed settings by canonical name. */
    static LorebookEntry entry(String id, boolean idIsText, List<String> keys, List<String> secondary, String content,
                               String comment, String name, Map<String, JsonNode> v, String extensions, String extra) {
        return new LorebookEntry(id, idIsText, keys, secondary, content, comment, name,
                new Matching(bool(v, "enabled"), bool(v, "constant"), bool(v, "selective"), integer(v, "selectiveLogic"),
                        bool(v, "caseSensitive"), bool(v, "matchWholeWords"), bool(v, "useRegex"), integer(v, "scanDepth"),
                        integer(v, "probability"), bool(v, "useProbability"), bool(v, "vectorized")),
                new Placement(integer(v, "insertionOrder"), integer(v, "priority"), text(v, "cardPosition"),
                        integer(v, "position"), integer(v, "depth"), integer(v, "role"), integer(v, "displayIndex")),
                new Timing(integer(v, "sticky"), integer(v, "cooldown"), integer(v, "delay")),
                new Grouping(text(v, "group"), bool(v, "groupOverride"), integer(v, "groupWeight"),
                        bool(v, "useGroupScoring")),
                new Recursion(bool(v, "excludeRecursion"), bool(v, "preventRecursion"), integer(v, "delayUntilRecursion")),
                text(v, "automationId"), v.containsKey("characterFilter") ? Json.write(v.get("characterFilter")) : null,
                extensions, extra);
    }

    private static void put(Map<String, JsonNode> v, String name, Object value) {
        if (value instanceof Boolean b) {
            v.put(name, BooleanNode.valueOf(b));
        } else if (value instanceof Integer i) {
            v.put(name, IntNode.valueOf(i));
        } else if (value instanceof String s) {
            v.put(name, TextNode.valueOf(s));
        }
    }

    private static Boolean bool(Map<String, JsonNode> v, String name) {
        return v.containsKey(name) ? v.get(name).booleanValue() : null;
    }

    private static Integer integer(Map<String, JsonNode> v, String name) {
        return v.containsKey(name) ? v.get(name).intValue() : null;
    }

    private static String text(Map<String, JsonNode> v, String name) {
        return v.containsKey(name) ? v.get(name).textValue() : null;
    }
}
