package io.tzurot.storage.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.card.CardAsset;
import io.tzurot.core.card.CardFileException;
import io.tzurot.core.card.CardSpec;
import io.tzurot.core.card.CharacterCard;
import io.tzurot.core.lorebook.LorebookContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Card JSON (V1, V2, V3) to {@link CharacterCard} and back. Reading checks the type of every field Tzurot reads;
 * the whole card stays as JSON text, so writing starts from it and changes only what Tzurot manages.
 */
final class CardJson {

    static final String V2 = "chara_card_v2";
    static final String V3 = "chara_card_v3";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> V1_FIELDS = List.of("name", "description", "personality", "scenario", "first_mes",
            "mes_example");
    private static final List<String> V2_STRINGS = List.of("creator_notes", "system_prompt", "post_history_instructions",
            "creator", "character_version");

    private CardJson() {
    }

    static boolean looksLikeCard(JsonNode root) {
        return root.isObject() && (root.has("spec") ? V2.equals(root.get("spec").asText()) || V3.equals(root.get("spec").asText())
                : root.has("name") && !root.has("characterInfo") && !root.has("entries"));
    }

    static CharacterCard read(JsonNode root, String what, byte[] image, List<CardAsset> assets) {
        ObjectNode r = Shapes.object(root, what);
        JsonNode specNode = r.get("spec");
        CardSpec spec;
        ObjectNode card;
        if (specNode == null) {
            spec = CardSpec.V1;
            card = wrapV1(r, what);
        } else if (!specNode.isTextual()) {
            throw Shapes.wrongType(what + ".spec", "a string", specNode);
        } else if (specNode.textValue().equals(V2) || specNode.textValue().equals(V3)) {
            spec = specNode.textValue().equals(V3) ? CardSpec.V3 : CardSpec.V2;
            card = r.deepCopy();
            Shapes.object(card.get("data"), what + ".data");
        } else if (specNode.textValue().equals("lorebook_v3")) {
            throw new CardFileException(what + " is a lorebook (lorebook_v3), not a character; import it as a lorebook.");
        } else {
            throw new CardFileException(what + " has spec '" + specNode.textValue() + "'; expected chara_card_v2 or"
                    + " chara_card_v3 (or a V1 card without spec).");
        }
        ObjectNode data = (ObjectNode) card.get("data");
        String d = what + ".data";
        for (String f : V1_FIELDS) {
            Shapes.optionalText(data, f, d);
        }
        for (String f : V2_STRINGS) {
            Shapes.optionalText(data, f, d);
        }
        List<String> greetings = Shapes.strings(data.get("alternate_greetings"), d + ".alternate_greetings", false);
        Shapes.strings(data.get("group_only_greetings"), d + ".group_only_greetings", false);
        JsonNode tags = data.get("tags");
        if (tags != null && !tags.isNull() && !tags.isTextual()) {
            Shapes.strings(tags, d + ".tags", false); // a legacy comma string is tolerated; anything else is not
        }
        ObjectNode ext = data.has("extensions") && !data.get("extensions").isNull()
                ? Shapes.object(data.get("extensions"), d + ".extensions") : NODES.objectNode();
        Map<String, String> tzurot = new LinkedHashMap<>();
        if (ext.has("tzurot")) {
            Shapes.object(ext.get("tzurot"), d + ".extensions.tzurot").fields().forEachRemaining(f -> {
                if (!f.getValue().isTextual()) {
                    throw Shapes.wrongType(d + ".extensions.tzurot." + f.getKey(), "a string", f.getValue());
                }
                tzurot.put(f.getKey(), f.getValue().textValue());
            });
        }
        if (spec == CardSpec.V3) {
            Shapes.array(data.get("assets"), d + ".assets", false).forEach(a -> Shapes.object(a, d + ".assets[]"));
        }
        Optional<LorebookContent> book = Optional.empty();
        JsonNode bookNode = data.get("character_book");
        if (bookNode != null && !bookNode.isNull()) {
            book = Optional.of(BookJson.fromCardBook(bookNode, d + ".character_book"));
        }
        data.remove("character_book");
        return new CharacterCard(spec, text(data, "name"), text(data, "nickname"), text(data, "description"),
                text(data, "personality"), text(data, "scenario"), text(data, "first_mes"), text(data, "mes_example"),
                text(data, "system_prompt"), greetings, tzurot, book, image, assets, Json.write(card));
    }

    /** A V1 card as a V2 one: the six fields (and any others) moved into {@code data}, V2 defaults filled in. */
    private static ObjectNode wrapV1(ObjectNode v1, String what) {
        ObjectNode card = NODES.objectNode();
        card.put("spec", V2);
        card.put("spec_version", "2.0");
        ObjectNode data = v1.deepCopy();
        for (String f : V1_FIELDS) {
            JsonNode v = data.get(f);
            if (v != null && !v.isNull() && !v.isTextual()) {
                throw Shapes.wrongType(what + "." + f, "a string", v);
            }
            if (v == null || v.isNull()) {
                data.put(f, "");
            }
        }
        card.set("data", data);
        fillV2Defaults(data);
        return card;
    }

    private static void fillV2Defaults(ObjectNode data) {
        for (String f : V1_FIELDS) {
            if (!data.hasNonNull(f)) {
                data.put(f, "");
            }
        }
        for (String f : V2_STRINGS) {
            if (!data.hasNonNull(f)) {
                data.put(f, "");
            }
        }
        if (!data.hasNonNull("alternate_greetings")) {
            data.putArray("alternate_greetings");
        }
        if (!data.hasNonNull("tags")) {
            data.putArray("tags");
        }
        if (!data.hasNonNull("extensions")) {
            data.putObject("extensions");
        }
    }

    /** The card's JSON with Tzurot's managed fields and book written in, under its own spec. */
    static ObjectNode build(CharacterCard c) {
        ObjectNode card = (ObjectNode) Json.parseTrusted(c.cardJson());
        if (!card.has("spec")) {
            card.put("spec", c.spec() == CardSpec.V3 ? V3 : V2);
            card.put("spec_version", c.spec() == CardSpec.V3 ? "3.0" : "2.0");
        }
        ObjectNode data = card.has("data") ? (ObjectNode) card.get("data") : card.putObject("data");
        fillV2Defaults(data);
        if (!data.hasNonNull("group_only_greetings")) {
            data.putArray("group_only_greetings"); // as SillyTavern writes it, so V2 and V3 copies carry the same data
        }
        set(card, data, "name", c.name());
        set(card, data, "description", c.description());
        set(card, data, "personality", c.personality());
        set(card, data, "mes_example", c.exampleMessages());
        data.put("system_prompt", c.systemPrompt());
        if (!c.nickname().isEmpty() || data.has("nickname")) {
            data.put("nickname", c.nickname());
        }
        ObjectNode ext = (ObjectNode) data.get("extensions");
        if (c.tzurotFields().isEmpty()) {
            ext.remove("tzurot");
        } else {
            ObjectNode t = NODES.objectNode();
            c.tzurotFields().forEach(t::put);
            ext.set("tzurot", t);
        }
        data.remove("character_book");
        c.book().ifPresent(b -> data.set("character_book", BookJson.toCardBook(b)));
        return card;
    }

    /** A copy labelled with this spec; a V3 copy gets the V3-required {@code group_only_greetings}. */
    static ObjectNode as(ObjectNode card, CardSpec spec) {
        ObjectNode copy = card.deepCopy();
        copy.put("spec", spec == CardSpec.V3 ? V3 : V2);
        copy.put("spec_version", spec == CardSpec.V3 ? "3.0" : "2.0");
        ObjectNode data = (ObjectNode) copy.get("data");
        if (spec == CardSpec.V3 && !data.hasNonNull("group_only_greetings")) {
            data.putArray("group_only_greetings");
        }
        return copy;
    }

    /** The V3 {@code assets} array of a card, created when absent. */
    static ArrayNode assets(ObjectNode card) {
        ObjectNode data = (ObjectNode) card.get("data");
        return data.has("assets") && data.get("assets").isArray() ? (ArrayNode) data.get("assets") : data.putArray("assets");
    }

    // writes a V1 field in data, and in the top-level mirror when the card has one (SillyTavern keeps both)
    private static void set(ObjectNode card, ObjectNode data, String field, String value) {
        data.put(field, value);
        if (card.has(field) && card.get(field).isTextual()) {
            card.put(field, value);
        }
    }

    private static String text(ObjectNode data, String field) {
        JsonNode v = data.get(field);
        return v == null || !v.isTextual() ? "" : v.textValue();
    }
}
