package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /persona}, {@code /preset} and {@code /inspect} through the whole product: a persona override for one
 * character shows in the next reply's prompt, read through {@code /inspect} and "Inspect Message" (and not by
 * another user); a preset made a character's default is the one its next reply uses.
 */
class ProfileCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aPersonaOverrideShowsInTheNextRepliesPromptReadThroughInspect() {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            SimGuild guild = app.simulator.world().createGuild("Persona Guild");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            SimUser bob = app.simulator.world().createMember(guild, "bob");
            SimTextChannel channel = app.simulator.world().createTextChannel(guild, "personas");
            app.character("Ada", "ada");
            app.verified(alice);
            app.model.enqueue(FakeReply.text("Good evening, owl."));

            long create = app.simulator.users().slashCommand(alice, channel, "persona create", Map.of());
            assertThat(answer(app, create).data().path("custom_id").asText()).isEqualTo("persona::seed");
            long seed = app.simulator.users().submitModal(alice, channel, "persona::seed", Map.of("name", "Night Owl",
                    "content", "I only come out after midnight.", "preferredName", "", "pronouns", "", "description",
                    ""));
            assertThat(text(app, seed)).contains("✅ Created the persona **Night Owl**");
            String personaId = choices(app, alice, channel, "persona override set", "persona", "night").get(0);

            assertThat(text(app, app.simulator.users().slashCommand(alice, channel, "persona override set",
                    Map.of("character", "ada", "persona", personaId))))
                    .isEqualTo("✅ **Ada** now knows you as **Night Owl**.");
            SimMessage question = app.simulator.users().post(alice, channel, "@Ada who am I?");
            BotActivity.Posted reply = app.awaitPosts(channel, 1).get(0);
            // the record is written in the background after the reply; then linked to the posted message
            await().atMost(DiscordApp.PATIENCE).until(() -> app.repos.diagnostics()
                    .findByResponseMessageId(Long.toString(reply.message().id())).isPresent());
            assertThat(app.repos.diagnostics().findByTriggerMessageId(Long.toString(question.id()))).hasSize(1);

            long inspect = app.simulator.users().slashCommand(alice, channel, "inspect", Map.of());
            assertThat(file(app, inspect, "system-prompt.txt")).contains("I only come out after midnight.");
            assertThat(text(app, inspect)).contains("🔍 Reply discord:").contains("ada");

            long menu = app.simulator.users().messageCommand(alice, reply.message(), "Inspect Message");
            assertThat(file(app, menu, "system-prompt.txt")).contains("I only come out after midnight.");
            long nosy = app.simulator.users().messageCommand(bob, reply.message(), "Inspect Message");
            assertThat(text(app, nosy)).startsWith("❌ A diagnostic record of yours");
            long reasoning = app.simulator.users().messageCommand(alice, reply.message(), "View Reasoning");
            assertThat(text(app, reasoning)).startsWith("💭 This reply has no recorded reasoning");
        }
    }

    @Test
    void aPresetMadeACharactersDefaultIsUsedByItsNextReply() {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            SimGuild guild = app.simulator.world().createGuild("Preset Guild");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            SimTextChannel channel = app.simulator.world().createTextChannel(guild, "presets");
            User owner = app.verified(alice);
            app.repos.personalities().create(owner.id(), PersonalityDraft.of("Bea", "bea", "Bea keeps bees.", "calm")
                    .withPublic(true));
            Preset special = app.repos.presets().create(owner.id(), PresetDraft.of("Honey", "test/honey-model"));
            app.model.enqueue(FakeReply.text("Buzz."), FakeReply.text("Buzz buzz."));

            app.simulator.users().post(alice, channel, "@Bea before");
            app.awaitPosts(channel, 1);
            assertThat(lastChat(app).body().path("model").asText()).isNotEqualTo("test/honey-model");

            assertThat(choices(app, alice, channel, "preset default set", "preset", "hon"))
                    .contains(special.id().toString());
            assertThat(text(app, app.simulator.users().slashCommand(alice, channel, "preset default set",
                    Map.of("preset", special.id().toString(), "character", "bea"))))
                    .isEqualTo("✅ **Bea** now uses **Honey** by default.");
            app.simulator.users().post(alice, channel, "@Bea after");
            app.awaitPosts(channel, 2);

            assertThat(lastChat(app).body().path("model").asText()).isEqualTo("test/honey-model");
        }
    }

    private static RecordedRequest lastChat(DiscordApp app) {
        return app.model.requests().stream().filter(r -> r.method().equals("POST")).reduce((a, b) -> b).orElseThrow();
    }

    private static BotActivity.InteractionAnswered answer(DiscordApp app, long id) {
        return await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.answer(id), Optional::isPresent)
                .orElseThrow();
    }

    private static List<String> choices(DiscordApp app, SimUser user, SimTextChannel channel, String path,
                                        String option, String typed) {
        long id = app.simulator.users().autocomplete(user, channel, path, option, Map.of(option, typed));
        List<String> values = new ArrayList<>();
        answer(app, id).data().path("choices").forEach(c -> values.add(c.path("value").asText()));
        return values;
    }

    /** The latest ephemeral answer's content and embed text. */
    private static String text(DiscordApp app, long id) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeralsFor(id),
                l -> l.stream().anyMatch(m -> !m.content().isEmpty() || !m.embeds().isEmpty()));
        StringBuilder text = new StringBuilder();
        for (SimMessage m : answers) {
            text.append(m.content()).append('\n');
            m.embeds().forEach(e -> text.append(e.path("title").asText("")).append('\n')
                    .append(e.path("description").asText("")).append('\n')
                    .append(e.path("fields").toString()).append('\n'));
        }
        return text.toString().strip();
    }

    private static String file(DiscordApp app, long id, String name) {
        SimAttachment file = await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeralsFor(id).stream()
                .flatMap(m -> m.attachments().stream()).filter(a -> a.filename().equals(name)).findFirst(),
                Optional::isPresent).orElseThrow();
        return new String(file.data(), StandardCharsets.UTF_8);
    }
}
