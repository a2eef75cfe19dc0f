package io.tzurot.storage.card;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test cards written by this project: V1/V2/V3 JSON, PNGs with card chunks, CHARX zips, world-info files. */
public final class Cards {

    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    private Cards() {
    }

    /** A V1 card: the six flat fields (plus an unknown one). */
    public static ObjectNode v1(String name, String description) {
        ObjectNode c = N.objectNode();
        c.put("name", name);
        c.put("description", description);
        c.put("personality", "bold, curious");
        c.put("scenario", "A quiet library.");
        c.put("first_mes", "Hello, {{user}}!");
        c.put("mes_example", "<START>\n{{user}}: hi\n{{char}}: hello");
        c.put("x_unknown_v1", 7);
        return c;
    }

    /** A V2 card with every V2 field, foreign extensions, and optionally a lorebook of {@code entries} entries. */
    public static ObjectNode v2(String name, String description, int entries) {
        ObjectNode card = N.objectNode();
        card.put("spec", "chara_card_v2");
        card.put("spec_version", "2.0");
        ObjectNode d = card.putObject("data");
        d.setAll(v1(name, description));
        d.put("creator_notes", "Made for tests. \u2728");
        d.put("system_prompt", "You are {{char}}. {{original}}");
        d.put("post_history_instructions", "Stay in character.");
        d.putArray("alternate_greetings").add("Hi again!").add("Oh, it's you.");
        d.putArray("tags").add("test").add("\u65e5\u672c");
        d.put("creator", "tzurot-tests");
        d.put("character_version", "1.2");
        ObjectNode ext = d.putObject("extensions");
        ext.put("talkativeness", "0.5");
        ext.put("fav", false);
        ext.put("world", "");
        ext.putObject("depth_prompt").put("prompt", "remember the book").put("depth", 4).put("role", "system");
        ext.putObject("someapp").putArray("list").add(1).add("two");
        if (entries > 0) {
            d.set("character_book", book(entries));
        }
        return card;
    }

    /** A V3 card: V2 plus assets, nickname, multilingual notes, source, group greetings, dates. */
    public static ObjectNode v3(String name, String description, int entries) {
        ObjectNode card = v2(name, description, entries);
        card.put("spec", "chara_card_v3");
        card.put("spec_version", "3.0");
        ObjectNode d = (ObjectNode) card.get("data");
        d.put("nickname", name + " the Second");
        d.putObject("creator_notes_multilingual").put("fr", "Fait pour les tests.");
        d.putArray("source").add("https://example.org/card/1");
        d.putArray("group_only_greetings").add("Hello, everyone.");
        d.put("creation_date", 1_700_000_000L);
        d.put("modification_date", 0);
        ArrayNode assets = d.putArray("assets");
        assets.addObject().put("type", "icon").put("uri", "ccdefault:").put("name", "main").put("ext", "png");
        return card;
    }

    /** A character book with {@code n} entries using every field (some in extensions, as SillyTavern writes). */
    public static ObjectNode book(int n) {
        ObjectNode b = N.objectNode();
        b.put("name", "Lore");
        b.put("description", "the lore");
        b.put("scan_depth", 3);
        b.put("token_budget", 600);
        b.put("recursive_scanning", true);
        b.putObject("extensions").put("bookapp", "x");
        ArrayNode entries = b.putArray("entries");
        for (int i = 0; i < n; i++) {
            ObjectNode e = entries.addObject();
            e.put("id", i);
            e.putArray("keys").add("key" + i).add("/k" + i + "x?/i");
            e.putArray("secondary_keys").add("sec" + i);
            e.put("comment", "entry " + i);
            e.put("content", "Lore number " + i + ": \u00e9\u00e8 \ud83d\udc09 " + "text ".repeat(i % 5));
            e.put("constant", i % 7 == 0);
            e.put("selective", true);
            e.put("insertion_order", 100 + i);
            e.put("enabled", i % 11 != 3);
            e.put("position", i % 2 == 0 ? "before_char" : "after_char");
            e.put("use_regex", true);
            e.put("case_sensitive", false);
            e.put("priority", 10);
            e.put("name", "n" + i);
            ObjectNode x = e.putObject("extensions");
            x.put("position", i % 7);
            x.put("exclude_recursion", false);
            x.put("display_index", i);
            x.put("probability", 100 - i % 50);
            x.put("useProbability", true);
            x.put("depth", 4);
            x.put("selectiveLogic", i % 4);
            x.put("group", i % 3 == 0 ? "g1" : "");
            x.put("group_override", false);
            x.put("group_weight", 100);
            x.put("prevent_recursion", true);
            x.put("delay_until_recursion", i % 2 == 0 ? 0 : 2);
            x.putNull("scan_depth");
            x.putNull("match_whole_words");
            x.put("use_group_scoring", false);
            x.putNull("case_sensitive");
            x.put("automation_id", "");
            x.put("role", i % 3);
            x.put("vectorized", false);
            x.put("sticky", i % 4);
            x.put("cooldown", 0);
            x.putNull("delay");
            x.putArray("triggers");
            x.put("match_persona_description", false);
        }
        return b;
    }

    public static byte[] json(ObjectNode node) {
        return Json.pretty(node);
    }

    /** A PNG (the placeholder image) with these text chunks, keyword → JSON. */
    public static byte[] png(Map<String, ObjectNode> chunks) {
        List<String[]> texts = new java.util.ArrayList<>();
        chunks.forEach((k, v) -> texts.add(new String[] {k, Json.write(v)}));
        return PngChunks.withCardText(PngChunks.read(PngChunks.placeholder()), texts);
    }

    /** A PNG with one card chunk. */
    public static byte[] png(String keyword, ObjectNode card) {
        Map<String, ObjectNode> m = new LinkedHashMap<>();
        m.put(keyword, card);
        return png(m);
    }

    /** A raw tEXt chunk appended before IEND (no base64 applied). */
    public static byte[] pngWithRawText(String keyword, byte[] text) {
        List<PngChunks.Chunk> chunks = PngChunks.read(PngChunks.placeholder());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngChunks.SIGNATURE);
        for (PngChunks.Chunk c : chunks) {
            if (c.type().equals("IEND")) {
                byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
                byte[] data = new byte[k.length + 1 + text.length];
                System.arraycopy(k, 0, data, 0, k.length);
                System.arraycopy(text, 0, data, k.length + 1, text.length);
                PngChunks.write(out, "tEXt", data);
            }
            PngChunks.write(out, c.type(), c.data());
        }
        return out.toByteArray();
    }

    /** A CHARX zip: card.json, the main icon at assets/icon/images/main.png, and an extra asset. */
    public static byte[] charx(ObjectNode v3Card) {
        ObjectNode card = v3Card.deepCopy();
        ArrayNode assets = (ArrayNode) card.get("data").get("assets");
        assets.removeAll();
        assets.addObject().put("type", "icon").put("uri", "embeded://assets/icon/images/main.png").put("name", "main")
                .put("ext", "png");
        assets.addObject().put("type", "emotion").put("uri", "embeded://assets/emotion/images/happy.png")
                .put("name", "happy").put("ext", "png");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("card.json", Json.pretty(card));
        files.put("assets/icon/images/main.png", PngChunks.placeholder());
        files.put("assets/emotion/images/happy.png", new byte[] {1, 2, 3, 4});
        files.put("x_app.json", "{\"kept\":true}".getBytes(StandardCharsets.UTF_8));
        return CharxArchive.write(files);
    }

    public static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
