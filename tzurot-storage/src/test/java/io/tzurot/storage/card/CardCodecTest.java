package io.tzurot.storage.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.card.CardFileException;
import io.tzurot.core.card.CardSpec;
import io.tzurot.core.card.CharacterCard;
import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.core.card.LorebookFormat;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class CardCodecTest {

    private final FileCardCodec codec = new FileCardCodec();

    private CharacterCard card(byte[] bytes) {
        return (CharacterCard) codec.readCharacter("x", bytes);
    }

    @Test
    void readsV1V2AndV3JsonWithTheirFields() {
        CharacterCard v1 = card(Cards.json(Cards.v1("Ada", "A mathematician.")));
        assertThat(v1.spec()).isEqualTo(CardSpec.V1);
        assertThat(v1.name()).isEqualTo("Ada");
        assertThat(v1.firstMessage()).isEqualTo("Hello, {{user}}!");
        JsonNode wrapped = Json.parseTrusted(v1.cardJson());
        assertThat(wrapped.get("spec").asText()).isEqualTo("chara_card_v2");
        assertThat(wrapped.get("data").get("x_unknown_v1").asInt()).isEqualTo(7);

        CharacterCard v2 = card(Cards.json(Cards.v2("Bo", "desc", 3)));
        assertThat(v2.spec()).isEqualTo(CardSpec.V2);
        assertThat(v2.alternateGreetings()).containsExactly("Hi again!", "Oh, it's you.");
        assertThat(v2.systemPrompt()).isEqualTo("You are {{char}}. {{original}}");
        assertThat(v2.book()).get().extracting(b -> b.entries().size()).isEqualTo(3);
        assertThat(Json.parseTrusted(v2.cardJson()).get("data").has("character_book")).isFalse();

        CharacterCard v3 = card(Cards.json(Cards.v3("Cy", "desc", 0)));
        assertThat(v3.spec()).isEqualTo(CardSpec.V3);
        assertThat(v3.nickname()).isEqualTo("Cy the Second");
        assertThat(v3.book()).isEmpty();
    }

    @Test
    void everyBookEntryFieldIsTakenOrKept() {
        LorebookContent book = card(Cards.json(Cards.v2("Bo", "d", 5))).book().orElseThrow();
        assertThat(book.name()).isEqualTo("Lore");
        assertThat(book.scanDepth()).isEqualTo(3);
        assertThat(book.tokenBudget()).isEqualTo(600);
        assertThat(book.recursiveScanning()).isTrue();
        LorebookEntry e = book.entries().get(3);
        assertThat(e.entryId()).isEqualTo("3");
        assertThat(e.keys()).containsExactly("key3", "/k3x?/i");
        assertThat(e.secondaryKeys()).containsExactly("sec3");
        assertThat(e.isEnabled()).isFalse();
        assertThat(e.matching().selectiveLogic()).isEqualTo(3);
        assertThat(e.matching().useRegex()).isTrue();
        assertThat(e.placement().position()).isEqualTo(3);
        assertThat(e.placement().cardPosition()).isEqualTo("after_char");
        assertThat(e.placement().insertionOrder()).isEqualTo(103);
        assertThat(e.placement().role()).isEqualTo(0);
        assertThat(e.timing().sticky()).isEqualTo(3);
        assertThat(e.recursion().delayUntilRecursion()).isEqualTo(2);
        assertThat(e.recursion().preventRecursion()).isTrue();
        // nulls and keys Tzurot has no field for stay in the extensions as they were
        JsonNode ext = Json.parseTrusted(e.extensionsJson());
        assertThat(ext.get("scan_depth").isNull()).isTrue();
        assertThat(ext.get("triggers").isArray()).isTrue();
        assertThat(ext.get("match_persona_description").asBoolean()).isFalse();
    }

    @Test
    void aPngPrefersTheCcv3Chunk() {
        Map<String, ObjectNode> chunks = new LinkedHashMap<>();
        chunks.put("chara", Cards.v2("Old", "v2 text", 0));
        chunks.put("ccv3", Cards.v3("New", "v3 text", 0));
        CharacterCard c = card(Cards.png(chunks));
        assertThat(c.name()).isEqualTo("New");
        assertThat(c.spec()).isEqualTo(CardSpec.V3);
        assertThat(card(Cards.png("chara", Cards.v2("Only", "v2", 0))).name()).isEqualTo("Only");
        // the stored image is the PNG without the card chunks
        assertThat(new String(c.image(), StandardCharsets.ISO_8859_1)).doesNotContain("ccv3").doesNotContain("chara");
    }

    @Test
    void anExportedPngHasBothChunksBeforeIendWithCorrectCrcs() {
        CharacterCard c = card(Cards.json(Cards.v3("Ünïcødé 名前", "d", 2)));
        byte[] png = codec.writeCard(c, CharacterExportFormat.CARD_PNG);

        // walk the bytes by hand: length, type, data, CRC-32 over type+data
        assertThat(java.util.Arrays.copyOf(png, 8)).isEqualTo(PngChunks.SIGNATURE);
        List<String> types = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        int pos = 8;
        while (pos < png.length) {
            int len = PngChunks.readInt(png, pos);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(png, pos + 4, 4 + len);
            assertThat(PngChunks.readInt(png, pos + 8 + len)).as("CRC of " + type).isEqualTo((int) crc.getValue());
            types.add(type);
            if (type.equals("tEXt")) {
                String data = new String(png, pos + 8, len, StandardCharsets.ISO_8859_1);
                keywords.add(data.substring(0, data.indexOf('\0')));
            }
            pos += 12 + len;
        }
        assertThat(pos).isEqualTo(png.length);
        assertThat(types.subList(types.size() - 3, types.size())).containsExactly("tEXt", "tEXt", "IEND");
        assertThat(keywords).containsExactly("chara", "ccv3");
        Map<String, ObjectNode> both = new LinkedHashMap<>();
        JsonNode v2 = Json.parse(PngChunks.cardText(PngChunks.read(png), "chara").orElseThrow(), "v2");
        JsonNode v3 = Json.parse(PngChunks.cardText(PngChunks.read(png), "ccv3").orElseThrow(), "v3");
        assertThat(v2.get("spec").asText()).isEqualTo("chara_card_v2");
        assertThat(v2.get("spec_version").asText()).isEqualTo("2.0");
        assertThat(v3.get("spec").asText()).isEqualTo("chara_card_v3");
        assertThat(v3.get("data").get("name").asText()).isEqualTo("Ünïcødé 名前");
        assertThat(v3.get("data").get("character_book").get("entries")).hasSize(2);
        assertThat(both).isEmpty();
    }

    @Test
    void cardJsonExportFollowsTheSchema() {
        CharacterCard c = card(Cards.json(Cards.v2("Bo", "desc", 1)));
        JsonNode out = Json.parse(codec.writeCard(c, CharacterExportFormat.CARD_JSON), "out");
        assertThat(out.get("spec").asText()).isEqualTo("chara_card_v2");
        JsonNode d = out.get("data");
        for (String f : List.of("name", "description", "personality", "scenario", "first_mes", "mes_example",
                "creator_notes", "system_prompt", "post_history_instructions", "creator", "character_version")) {
            assertThat(d.get(f).isTextual()).as(f).isTrue();
        }
        assertThat(d.get("alternate_greetings").isArray()).isTrue();
        assertThat(d.get("tags").isArray()).isTrue();
        assertThat(d.get("extensions").get("someapp").get("list")).hasSize(2);
        JsonNode entry = d.get("character_book").get("entries").get(0);
        assertThat(entry.get("keys").isArray()).isTrue();
        assertThat(entry.get("content").isTextual()).isTrue();
        assertThat(entry.get("enabled").isBoolean()).isTrue();
        assertThat(entry.get("insertion_order").isInt()).isTrue();
        assertThat(entry.get("extensions").get("position").asInt()).isEqualTo(0);
    }

    @Test
    void charxKeepsTheIconAndEveryOtherFile() {
        CharacterCard c = card(Cards.charx(Cards.v3("Zip", "d", 1)));
        assertThat(c.image()).isEqualTo(PngChunks.placeholder());
        assertThat(c.assets()).extracting(a -> a.path())
                .containsExactly("assets/emotion/images/happy.png", "x_app.json");
        CharacterCard again = card(codec.writeCard(c, CharacterExportFormat.CHARX));
        assertThat(again).isEqualTo(c);
    }

    @Test
    void worldInfoAndCharacterBookRoundTrip() {
        LorebookContent fromCard = card(Cards.json(Cards.v2("Bo", "d", 6))).book().orElseThrow();
        byte[] world = codec.writeLorebook(fromCard, LorebookFormat.WORLD_INFO);
        JsonNode w = Json.parse(world, "w");
        assertThat(w.get("entries").isObject()).isTrue();
        assertThat(w.get("entries").get("3").get("disable").asBoolean()).isTrue();
        assertThat(w.get("entries").get("3").get("order").asInt()).isEqualTo(103);
        assertThat(w.get("entries").get("3").get("key").get(0).asText()).isEqualTo("key3");
        LorebookContent back = codec.readLorebook("w.json", world);
        assertThat(new String(codec.writeLorebook(back, LorebookFormat.WORLD_INFO), StandardCharsets.UTF_8))
                .isEqualTo(new String(world, StandardCharsets.UTF_8));
        assertThat(back.entries()).extracting(LorebookEntry::content)
                .isEqualTo(fromCard.entries().stream().map(LorebookEntry::content).toList());

        byte[] book = codec.writeLorebook(fromCard, LorebookFormat.CHARACTER_BOOK);
        LorebookContent bookBack = codec.readLorebook("b.json", book);
        assertThat(bookBack).isEqualTo(fromCard);
    }

    @Test
    void readsASillyTavernWorldFile() {
        String world = "{\"entries\":{\"0\":{\"uid\":0,\"key\":[\"castle\"],\"keysecondary\":[],\"comment\":\"Castle\","
                + "\"content\":\"A castle.\",\"constant\":false,\"vectorized\":false,\"selective\":true,\"selectiveLogic\":0,"
                + "\"addMemo\":true,\"order\":100,\"position\":4,\"disable\":false,\"excludeRecursion\":false,"
                + "\"preventRecursion\":false,\"delayUntilRecursion\":false,\"probability\":100,\"useProbability\":true,"
                + "\"depth\":4,\"group\":\"\",\"groupOverride\":false,\"groupWeight\":100,\"scanDepth\":null,"
                + "\"caseSensitive\":null,\"matchWholeWords\":null,\"useGroupScoring\":null,\"automationId\":\"\","
                + "\"role\":1,\"sticky\":null,\"cooldown\":null,\"delay\":null,\"displayIndex\":0,"
                + "\"characterFilter\":{\"isExclude\":false,\"names\":[],\"tags\":[]}}}}";
        LorebookContent b = codec.readLorebook("castle.json", world.getBytes(StandardCharsets.UTF_8));
        LorebookEntry e = b.entries().get(0);
        assertThat(e.keys()).containsExactly("castle");
        assertThat(e.placement().position()).isEqualTo(4);
        assertThat(e.placement().role()).isEqualTo(1);
        assertThat(e.isEnabled()).isTrue();
        assertThat(e.characterFilterJson()).contains("isExclude");
        // a boolean delay and the nulls stay as the file had them
        JsonNode again = Json.parse(codec.writeLorebook(b, LorebookFormat.WORLD_INFO), "again").get("entries").get("0");
        assertThat(again.get("delayUntilRecursion").asBoolean(true)).isFalse();
        assertThat(again.get("scanDepth").isNull()).isTrue();
        assertThat(again.get("addMemo").asBoolean()).isTrue();
    }

    // ---- hostile and broken files ----

    private void refused(byte[] bytes, String messagePart) {
        assertThatThrownBy(() -> codec.readCharacter("f", bytes)).isInstanceOf(CardFileException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void aBadCrcIsNamed() {
        byte[] png = Cards.png("chara", Cards.v2("A", "b", 0));
        png[png.length - 20] ^= 0x55; // inside the last text chunk
        refused(png, "bad CRC");
    }

    @Test
    void repeatedAndOversizedChunksAreRefused() {
        Map<String, ObjectNode> two = new LinkedHashMap<>();
        two.put("chara", Cards.v2("A", "b", 0));
        two.put("CHARA", Cards.v2("B", "b", 0));
        refused(Cards.png(two), "two 'chara' text chunks");
        byte[] png = Cards.png("chara", Cards.v2("A", "b", 0));
        // claim a huge length for IHDR
        png[8] = 0x7f;
        refused(png, "more than the file holds");
        refused(java.util.Arrays.copyOf(Cards.png("chara", Cards.v2("A", "b", 0)), 40), "truncated");
        refused(PngChunks.placeholder(), "no character card");
    }

    @Test
    void base64GarbageAndBadJsonAreNamed() {
        refused(Cards.pngWithRawText("chara", "!!!not base64***".getBytes(StandardCharsets.ISO_8859_1)), "not valid base64");
        refused(Cards.pngWithRawText("chara", Cards.base64("{\"spec\":").getBytes(StandardCharsets.ISO_8859_1)),
                "not valid JSON");
        refused(Cards.pngWithRawText("ccv3", java.util.Base64.getEncoder().encode(new byte[] {(byte) 0xff, (byte) 0xfe})),
                "not valid UTF-8");
        StringBuilder deep = new StringBuilder("{\"spec\":\"chara_card_v2\",\"data\":{\"extensions\":");
        deep.append("[".repeat(200)).append("]".repeat(200)).append("}}");
        refused(deep.toString().getBytes(StandardCharsets.UTF_8), "not valid JSON");
    }

    @Test
    void wrongJsonTypesAreNamedByPath() {
        ObjectNode c = Cards.v2("A", "b", 2);
        ((ObjectNode) c.get("data")).put("alternate_greetings", "just one");
        refused(Cards.json(c), "data.alternate_greetings must be an array, not a string");
        ObjectNode d = Cards.v2("A", "b", 0);
        ((ObjectNode) d.get("data")).putArray("description").add("x");
        refused(Cards.json(d), "data.description must be a string, not an array");
        ObjectNode e = Cards.v2("A", "b", 2);
        ((ObjectNode) e.get("data").get("character_book").get("entries").get(1)).put("keys", "k1,k2");
        refused(Cards.json(e), "character_book.entries[1].keys must be an array, not a string");
        ObjectNode f = Cards.v2("A", "b", 0);
        ((ObjectNode) f.get("data")).put("character_book", "nope");
        refused(Cards.json(f), "character_book must be an object, not a string");
        refused("[1,2]".getBytes(StandardCharsets.UTF_8), "neither");
        refused("{\"spec\":\"chara_card_v9\",\"data\":{}}".getBytes(StandardCharsets.UTF_8), "chara_card_v9");
    }

    @Test
    void oversizedImagesAndFilesAreRefused() {
        byte[] png = PngChunks.placeholder();
        List<PngChunks.Chunk> chunks = new ArrayList<>(PngChunks.read(png));
        byte[] ihdr = chunks.get(0).data().clone();
        ihdr[0] = 0x7f; // width ~ 2 billion
        chunks.set(0, new PngChunks.Chunk("IHDR", ihdr));
        List<String[]> texts = List.<String[]>of(new String[] {"chara", Json.write(Cards.v2("A", "b", 0))});
        refused(PngChunks.withCardText(chunks, texts), "pixels");
        refused(new byte[CardLimits.MAX_FILE_BYTES + 1], "at most");
    }

    @Test
    void zipBombsAndBrokenZipsAreRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("card.json"));
            out.write(Json.pretty(Cards.v3("A", "b", 0)));
            out.putNextEntry(new ZipEntry("bomb.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 30; i++) {
                out.write(zeros); // 30 MB of zeros: a few dozen KB compressed
            }
        }
        assertThat(bytes.size()).isLessThan(200_000);
        refused(bytes.toByteArray(), "zip bomb");
        byte[] zip = Cards.charx(Cards.v3("A", "b", 0));
        refused(java.util.Arrays.copyOf(zip, zip.length / 2), "CHARX");
        ByteArrayOutputStream noCard = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(noCard)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write(1);
        }
        refused(noCard.toByteArray(), "no card.json");
        ByteArrayOutputStream escape = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(escape)) {
            out.putNextEntry(new ZipEntry("../card.json"));
            out.write(1);
        }
        refused(escape.toByteArray(), "unsafe path");
    }

    @Test
    void aLorebookIsNotACharacter() {
        refused("{\"entries\":{}}".getBytes(StandardCharsets.UTF_8), "lorebook");
        assertThatThrownBy(() -> codec.readLorebook("x", "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CardFileException.class).hasMessageContaining("no 'entries'");
    }
}
