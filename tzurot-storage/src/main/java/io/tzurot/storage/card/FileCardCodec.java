package io.tzurot.storage.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.card.CardAsset;
import io.tzurot.core.card.CardCodec;
import io.tzurot.core.card.CardFileException;
import io.tzurot.core.card.CardSpec;
import io.tzurot.core.card.CharacterCard;
import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.core.card.CharacterFile;
import io.tzurot.core.card.LorebookFormat;
import io.tzurot.core.card.ReferenceCharacter;
import io.tzurot.core.lorebook.LorebookContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CardCodec} for SillyTavern cards (PNG {@code chara}/{@code ccv3} chunks, JSON, CHARX), the reference's
 * character JSON and world-info files. The kind of file is told by its content, not its name. Every limit is in
 * {@link CardLimits}; every refusal is a {@link CardFileException} naming the problem.
 */
public final class FileCardCodec implements CardCodec {

    private static final String MAIN_ICON = "assets/icon/images/main.png";

    @Override
    public CharacterFile readCharacter(String fileName, byte[] bytes) {
        checkSize(bytes);
        if (PngChunks.isPng(bytes)) {
            return readPng(bytes);
        }
        if (CharxArchive.isZip(bytes)) {
            return readCharx(bytes);
        }
        JsonNode root = Json.parse(bytes, "The JSON file");
        if (CardJson.looksLikeCard(root)) {
            return CardJson.read(root, "The card", null, List.of());
        }
        if (root.isObject() && (root.has("characterInfo") || root.has("slug"))) {
            return ReferenceJson.read((ObjectNode) root);
        }
        if (root.isObject() && (root.has("entries") || "lorebook_v3".equals(root.path("spec").asText()))) {
            throw new CardFileException("The file is a lorebook, not a character; import it as a lorebook.");
        }
        if (root.isObject() && root.has("spec")) {
            return CardJson.read(root, "The card", null, List.of()); // names the unknown spec
        }
        throw new CardFileException("The JSON is neither a SillyTavern card (spec chara_card_v2/v3, or a V1 card with a"
                + " name) nor a Tzurot character (name, slug, characterInfo, personalityTraits).");
    }

    private static CharacterCard readPng(byte[] bytes) {
        List<PngChunks.Chunk> chunks = PngChunks.read(bytes);
        PngChunks.checkSize(chunks);
        Optional<byte[]> v3 = PngChunks.cardText(chunks, "ccv3");
        Optional<byte[]> v2 = PngChunks.cardText(chunks, "chara");
        String what = v3.isPresent() ? "The PNG's ccv3 card" : "The PNG's chara card";
        byte[] json = v3.or(() -> v2).orElseThrow(() -> new CardFileException(
                "The PNG has no character card in it (no 'chara' or 'ccv3' text chunk); it is just an image."));
        JsonNode root = Json.parse(json, what);
        return CardJson.read(root, what, PngChunks.withCardText(chunks, List.of()), List.of());
    }

    private static CharacterCard readCharx(byte[] bytes) {
        Map<String, byte[]> files = CharxArchive.read(bytes);
        byte[] json = files.get("card.json");
        if (json == null) {
            throw new CardFileException("The CHARX has no card.json at its root.");
        }
        JsonNode root = Json.parse(json, "The CHARX card.json");
        if (!root.isObject() || !root.has("spec")) {
            throw new CardFileException("The CHARX card.json must be a V3 card with a 'spec'.");
        }
        CharacterCard card = CardJson.read(root, "The CHARX card.json", null, List.of());
        Optional<String> iconPath = mainIconPath((ObjectNode) Json.parseTrusted(card.cardJson()), files);
        byte[] image = iconPath.map(files::get).orElse(null);
        if (image != null && PngChunks.isPng(image)) {
            List<PngChunks.Chunk> chunks = PngChunks.read(image);
            PngChunks.checkSize(chunks);
        }
        List<CardAsset> assets = new ArrayList<>();
        files.forEach((path, content) -> {
            if (!path.equals("card.json") && !iconPath.map(path::equals).orElse(false)) {
                assets.add(new CardAsset(path, content));
            }
        });
        return new CharacterCard(card.spec(), card.name(), card.nickname(), card.description(), card.personality(),
                card.scenario(), card.firstMessage(), card.exampleMessages(), card.systemPrompt(),
                card.alternateGreetings(), card.tzurotFields(), card.book(), image, assets, card.cardJson());
    }

    // the first icon asset (the one named main first) whose embedded file is in the zip
    private static Optional<String> mainIconPath(ObjectNode card, Map<String, byte[]> files) {
        JsonNode assets = card.path("data").path("assets");
        List<String> candidates = new ArrayList<>();
        for (JsonNode a : assets) {
            if ("icon".equals(a.path("type").asText()) && a.path("uri").isTextual()) {
                String path = a.path("uri").asText().replaceFirst("^embed{1,2}ed://", "");
                if ("main".equals(a.path("name").asText())) {
                    candidates.add(0, path);
                } else {
                    candidates.add(path);
                }
            }
        }
        return candidates.stream().filter(files::containsKey).findFirst();
    }

    @Override
    public byte[] writeCard(CharacterCard card, CharacterExportFormat format) {
        ObjectNode root = CardJson.build(card);
        switch (format) {
            case CARD_JSON:
                return Json.pretty(CardJson.as(root, card.spec() == CardSpec.V3 ? CardSpec.V3 : CardSpec.V2));
            case CARD_PNG:
                byte[] image = card.image() != null && PngChunks.isPng(card.image()) ? card.image() : PngChunks.placeholder();
                List<String[]> texts = List.of(new String[] {"chara", Json.write(CardJson.as(root, CardSpec.V2))},
                        new String[] {"ccv3", Json.write(CardJson.as(root, CardSpec.V3))});
                return PngChunks.withCardText(PngChunks.read(image), texts);
            case CHARX:
                return charx(card, CardJson.as(root, CardSpec.V3));
            default:
                throw new IllegalArgumentException("not a card format: " + format);
        }
    }

    private static byte[] charx(CharacterCard card, ObjectNode v3) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("card.json", null); // first in the zip
        if (card.image() != null) {
            Map<String, byte[]> all = new LinkedHashMap<>();
            card.assets().forEach(a -> all.put(a.path(), a.content()));
            ArrayNode assets = CardJson.assets(v3);
            String path = declaredMainIcon(assets).orElse(null);
            if (path == null || all.containsKey(path)) {
                path = MAIN_ICON;
                ObjectNode icon = assets.insertObject(0);
                icon.put("type", "icon");
                icon.put("uri", "embeded://" + path);
                icon.put("name", "main");
                icon.put("ext", PngChunks.isPng(card.image()) ? "png" : "webp");
            }
            files.put(path, card.image());
            // the book goes last, where a re-import (which stores the card without it) will put it back
            ObjectNode data = (ObjectNode) v3.get("data");
            JsonNode book = data.remove("character_book");
            if (book != null) {
                data.set("character_book", book);
            }
        }
        card.assets().forEach(a -> files.putIfAbsent(a.path(), a.content()));
        files.put("card.json", Json.pretty(v3));
        return CharxArchive.write(files);
    }

    private static Optional<String> declaredMainIcon(ArrayNode assets) {
        for (JsonNode a : assets) {
            if ("icon".equals(a.path("type").asText()) && "main".equals(a.path("name").asText())
                    && a.path("uri").asText().startsWith("embeded://")) {
                return Optional.of(a.path("uri").asText().substring("embeded://".length()));
            }
        }
        return Optional.empty();
    }

    @Override
    public byte[] writeReference(ReferenceCharacter character) {
        return ReferenceJson.write(character);
    }

    @Override
    public LorebookContent readLorebook(String fileName, byte[] bytes) {
        checkSize(bytes);
        JsonNode root = Json.parse(bytes, "The lorebook JSON");
        ObjectNode o = Shapes.object(root, "The lorebook JSON");
        if ("lorebook_v3".equals(o.path("spec").asText())) {
            return BookJson.fromCardBook(o.get("data"), "data");
        }
        if (CardJson.looksLikeCard(o) && o.path("data").has("character_book")) {
            return BookJson.fromCardBook(o.get("data").get("character_book"), "data.character_book");
        }
        JsonNode entries = o.get("entries");
        if (entries == null) {
            throw new CardFileException("The JSON has no 'entries'; expected a SillyTavern world-info file"
                    + " ({\"entries\": {...}}) or a character_book ({\"entries\": [...]}).");
        }
        return entries.isArray() ? BookJson.fromCardBook(o, "The character_book") : BookJson.fromWorld(o, "The world-info file");
    }

    @Override
    public byte[] writeLorebook(LorebookContent book, LorebookFormat format) {
        return Json.pretty(format == LorebookFormat.WORLD_INFO ? BookJson.toWorld(book) : BookJson.toCardBook(book));
    }

    private static void checkSize(byte[] bytes) {
        if (bytes.length > CardLimits.MAX_FILE_BYTES) {
            throw new CardFileException("The file is " + bytes.length + " bytes; at most " + CardLimits.MAX_FILE_BYTES
                    + " bytes are accepted.");
        }
    }

    /** UTF-8 bytes of a string (for callers holding stored card JSON). */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
