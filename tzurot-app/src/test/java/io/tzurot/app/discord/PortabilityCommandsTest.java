package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.logs.SecretLogScan;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.shapes.FakeShapesServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portability subcommands through the whole product with real JDA against the simulator: a card attached to
 * {@code /character import} becomes a character one can talk to; {@code /character export} gives a file that
 * imports back identical; {@code /character template} is the reference JSON; a shapes.inc import (live, with the
 * cookie typed into a modal) brings the memories; {@code /settings data export} delivers the ZIP and
 * {@code /settings data delete} erases nothing until the phrase is typed, and then every row of the user.
 */
@ExtendWith(SecretLogScan.class)
class PortabilityCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "discord-shapes-session-9876543210";

    @TempDir
    Path dir;

    @Test
    void anImportedCardChatsAndExportsToAFileThatImportsBackIdentical() throws Exception {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            Scene s = scene(app);
            long imported = s.command("character import", Map.of(), Map.of("file", app.simulator.users().attachment(
                    "marigold.json", "application/json", card())));
            assertThat(s.ephemeral(imported)).startsWith("✅ Imported **Marigold** as `marigold` (private)")
                    .contains("a lorebook of 2 entries");

            app.model.enqueue(FakeReply.text("The garden is lovely today."));
            app.simulator.users().post(s.alice, s.channel, "@Marigold how is the garden?");
            List<BotActivity.Posted> posts = app.awaitPosts(s.channel, 1);
            assertThat(posts.get(posts.size() - 1).content()).contains("The garden is lovely today.");

            SimAttachment exported = s.file(s.command("character export", Map.of("character", "marigold",
                    "format", "card-json"), Map.of()));
            assertThat(exported.filename()).isEqualTo("marigold.card.json");
            long again = s.command("character import", Map.of(), Map.of("file", app.simulator.users().attachment(
                    "again.json", "application/json", exported.data())));
            assertThat(s.ephemeral(again)).contains("as `marigold-2`");
            SimAttachment second = s.file(s.command("character export", Map.of("character", "marigold-2",
                    "format", "card-json"), Map.of()));
            assertThat(JSON.readTree(second.data())).isEqualTo(JSON.readTree(exported.data()));
            // the default format is the PNG card, which imports too
            SimAttachment png = s.file(s.command("character export", Map.of("character", "marigold"), Map.of()));
            assertThat(png.filename()).isEqualTo("marigold.card.png");
            assertThat(s.ephemeral(s.command("character import", Map.of(), Map.of("file", app.simulator.users()
                    .attachment("m.png", "image/png", png.data()))))).contains("as `marigold-3`");

            SimAttachment template = s.file(s.command("character template", Map.of(), Map.of()));
            assertThat(template.filename()).isEqualTo("character_card_template.json");
            JsonNode fields = JSON.readTree(template.data());
            assertThat(fields.path("slug").asText()).isEqualTo("my-character");
            assertThat(fields.has("characterInfo") && fields.has("personalityTraits")).isTrue();

            long broken = s.command("character import", Map.of(), Map.of("file", app.simulator.users().attachment(
                    "broken.png", "image/png", "not a png".getBytes(StandardCharsets.UTF_8))));
            assertThat(s.ephemeral(broken)).startsWith("❌");
        }
    }

    @Test
    void aShapesImportAsksForTheCookiePrivatelyAndBringsTheMemories() throws Exception {
        SecretLogScan.secret(SESSION);
        try (FakeShapesServer shapes = FakeShapesServer.start(SESSION);
             DiscordApp app = DiscordApp.start(dir, Map.of("TZUROT_SHAPES_BASE_URL", shapes.baseUrl()))) {
            shapes.add(new FakeShapesServer.Shape(FakeShapesServer.config("a1b2", "juniper", "Juniper")
                    .put("user_prompt", "Juniper tends bees."), List.of(
                    FakeShapesServer.memory("m1", "a1b2", "The user is allergic to bee stings.", 1_650_000_000L)),
                    List.of(), null));
            Scene s = scene(app);
            long open = s.command("character import-shapes", Map.of("username", "juniper"), Map.of());
            BotActivity.InteractionAnswered modal = await().atMost(DiscordApp.PATIENCE)
                    .until(() -> app.simulator.answer(open), Optional::isPresent).orElseThrow();
            assertThat(modal.callbackType()).isEqualTo(9);
            assertThat(modal.data().path("custom_id").asText()).isEqualTo("character::shapes::juniper");

            long refused = app.simulator.users().submitModal(s.alice, s.channel, "character::shapes::juniper",
                    Map.of("cookie", "appSession=stale"));
            assertThat(s.ephemeral(refused)).startsWith("❌ shapes.inc did not accept your session cookie");
            long submitted = app.simulator.users().submitModal(s.alice, s.channel, "character::shapes::juniper",
                    Map.of("cookie", "appSession=" + SESSION));
            assertThat(s.ephemeral(submitted)).startsWith("✅ Imported **Juniper** from shapes.inc as `juniper`")
                    .contains("with 1 memories").doesNotContain(SESSION);
            User alice = app.verified(s.alice);
            assertThat(app.repos.memories().list(alice.defaultPersona().orElseThrow(), Optional.empty(), 0, 10).items())
                    .extracting(m -> m.content()).containsExactly("The user is allergic to bee stings.");
            assertThat(app.simulator.messagesIn(s.channel)).extracting(SimMessage::content)
                    .noneMatch(c -> c.contains(SESSION));
        }
    }

    @Test
    void aDataExportDeliversTheZipAndDeletionNeedsTheTypedPhrase() throws Exception {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            Scene s = scene(app);
            s.command("character import", Map.of(), Map.of("file", app.simulator.users().attachment("marigold.json",
                    "application/json", card())));
            s.ephemeral(s.lastCommand);
            long export = s.command("settings data export", Map.of(), Map.of());
            SimAttachment zip = s.file(export);
            assertThat(zip.filename()).endsWith(".zip").contains(Long.toString(s.alice.id()));
            assertThat(entries(zip.data())).contains("characters/marigold/marigold.json",
                    "characters/marigold/marigold.card.json");
            assertThat(app.simulator.ephemeralsFor(export)).extracting(SimMessage::content)
                    .anyMatch(c -> c.startsWith("✅ Your data export is ready"));

            User alice = app.verified(s.alice);
            List<String> needles = List.of(alice.id().toString(), Long.toString(s.alice.id()));
            assertThat(references(app, needles)).as("the check sees the user's rows").contains("users.id",
                    "personalities.owner_id");
            long delete = s.command("settings data delete", Map.of(), Map.of());
            assertThat(s.ephemeral(delete)).startsWith("⚠️ **Erase your account?**").contains("1 characters");
            SimMessage warning = app.simulator.ephemeralsFor(delete).get(app.simulator.ephemeralsFor(delete).size() - 1);
            long click = app.simulator.users().clickButton(s.alice, warning, "settings::erase::confirm");
            assertThat(await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.answer(click), Optional::isPresent)
                    .orElseThrow().callbackType()).isEqualTo(9);
            long wrong = app.simulator.users().submitModal(s.alice, s.channel, "settings::erase::submit",
                    Map.of("confirm", "delete"));
            assertThat(s.ephemeral(wrong)).startsWith("❌ Type 'DELETE MY DATA'");
            assertThat(app.repos.users().findById(alice.id())).isPresent();
            long right = app.simulator.users().submitModal(s.alice, s.channel, "settings::erase::submit",
                    Map.of("confirm", "delete my data"));
            assertThat(s.ephemeral(right)).startsWith("🗑️ Your account was erased");
            assertThat(references(app, needles)).isEmpty();
        }
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** Tables (listed from the schema) with a text-like column holding one of {@code needles}. */
    private static List<String> references(DiscordApp app, List<String> needles) {
        return app.running.database().jdbi().withHandle(h -> {
            List<String> found = new ArrayList<>();
            List<String> tables = h.createQuery("SELECT LOWER(table_name) FROM information_schema.tables WHERE"
                    + " LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND table_type IN ('BASE TABLE', 'TABLE')"
                    + " AND LOWER(table_name) NOT LIKE 'flyway%'").mapTo(String.class).list();
            for (String table : tables) {
                List<String> columns = h.createQuery("SELECT LOWER(column_name) FROM information_schema.columns WHERE"
                        + " LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(table_name) = :t AND (UPPER(data_type)"
                        + " LIKE '%CHAR%' OR UPPER(data_type) LIKE '%UUID%' OR UPPER(data_type) LIKE '%JSON%'"
                        + " OR UPPER(data_type) LIKE '%CHARACTER LARGE%')").bind("t", table).mapTo(String.class).list();
                for (String column : columns) {
                    for (String needle : needles) {
                        long n = h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE CAST(" + column
                                + " AS VARCHAR(100000)) LIKE :n").bind("n", "%" + needle + "%").mapTo(Long.class).one();
                        if (n > 0) {
                            found.add(table + "." + column);
                        }
                    }
                }
            }
            return found;
        });
    }

    /** A V2 card with a two-entry lorebook. */
    private static byte[] card() {
        return ("{\"spec\":\"chara_card_v2\",\"spec_version\":\"2.0\",\"data\":{\"name\":\"Marigold\","
                + "\"description\":\"Marigold keeps a walled garden.\",\"personality\":\"gentle, exacting\","
                + "\"scenario\":\"A spring morning.\",\"first_mes\":\"Mind the seedlings.\",\"mes_example\":\"\","
                + "\"creator_notes\":\"\",\"system_prompt\":\"\",\"post_history_instructions\":\"\","
                + "\"alternate_greetings\":[],\"tags\":[\"garden\"],\"creator\":\"test\",\"character_version\":\"1\","
                + "\"extensions\":{},\"character_book\":{\"name\":\"Garden lore\",\"entries\":["
                + "{\"keys\":[\"rose\"],\"content\":\"The roses are red.\",\"enabled\":true,\"insertion_order\":1,"
                + "\"extensions\":{}},{\"keys\":[\"well\"],\"content\":\"The well is dry.\",\"enabled\":true,"
                + "\"insertion_order\":2,\"extensions\":{}}],\"extensions\":{}}}}").getBytes(StandardCharsets.UTF_8);
    }

    private static Scene scene(DiscordApp app) {
        SimGuild guild = app.simulator.world().createGuild("Portability Guild");
        SimUser alice = app.simulator.world().createMember(guild, "alice");
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "garden");
        app.verified(alice);
        return new Scene(app, alice, channel);
    }

    private static final class Scene {
        final DiscordApp app;
        final SimUser alice;
        final SimTextChannel channel;
        long lastCommand;

        Scene(DiscordApp app, SimUser alice, SimTextChannel channel) {
            this.app = app;
            this.alice = alice;
            this.channel = channel;
        }

        long command(String path, Map<String, String> options, Map<String, SimAttachment> files) {
            lastCommand = app.simulator.users().slashCommand(alice, channel, path, options, files);
            return lastCommand;
        }

        /** The interaction's latest private answer text, once it has some. */
        String ephemeral(long interaction) {
            List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeralsFor(
                    interaction), l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
            return answers.get(answers.size() - 1).content();
        }

        /** The first file among the interaction's private messages. */
        SimAttachment file(long interaction) {
            return await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeralsFor(interaction).stream()
                    .flatMap(m -> m.attachments().stream()).findFirst(), Optional::isPresent).orElseThrow();
        }
    }
}
