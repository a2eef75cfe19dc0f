package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /preset create | edit} and {@code /character settings} through the whole product: a preset made in the
 * creation modal and tuned on its dashboard is what the next reply's model request carries; a character's own
 * settings changed on its dashboard are honoured by its next reply.
 */
class DashboardCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aPresetCreatedAndTunedOnItsDashboardIsWhatTheNextReplyUses() {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            SimGuild guild = app.simulator.world().createGuild("Tuning Guild");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            SimTextChannel channel = app.simulator.world().createTextChannel(guild, "tuning");
            User owner = app.verified(alice);
            app.repos.personalities().create(owner.id(), PersonalityDraft.of("Bea", "bea", "Bea keeps bees.", "calm")
                    .withPublic(true));
            app.model.enqueue(FakeReply.text("Buzz."));

            long command = app.simulator.users().slashCommand(alice, channel, "preset create", Map.of());
            assertThat(answer(app, command).data().path("custom_id").asText()).isEqualTo("preset::seed");
            long seed = app.simulator.users().submitModal(alice, channel, "preset::seed", Map.of("name", "Crisp",
                    "model", "test/crisp-model"));
            SimMessage dashboard = ephemeral(app, seed, t -> t.contains("⚙️ Preset: Crisp"));
            Preset crisp = app.repos.presets().listSelectableBy(owner.id()).stream()
                    .filter(p -> p.name().equals("Crisp")).findFirst().orElseThrow();
            String id = crisp.id().toString();

            app.simulator.users().selectOptions(alice, dashboard, "preset::menu::" + id, "edit-sampling");
            app.simulator.users().submitModal(alice, dashboard, "preset::modal::" + id + "::sampling", Map.of(
                    "temperature", "0.35", "top_p", "0.8", "top_k", "", "max_tokens", "321", "seed", "42"));
            await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeral(dashboard.id())
                    .map(DashboardCommandsTest::text).orElse(""), t -> t.contains("0.35"));
            assertThat(text(ephemeral(app, app.simulator.users().slashCommand(alice, channel, "preset default set",
                    Map.of("preset", id, "character", "bea")), t -> !t.isEmpty())))
                    .isEqualTo("✅ **Bea** now uses **Crisp** by default.");

            app.simulator.users().post(alice, channel, "@Bea how warm is it?");
            app.awaitPosts(channel, 1);

            JsonNode body = lastChat(app).body();
            assertThat(body.path("model").asText()).isEqualTo("test/crisp-model");
            assertThat(body.path("temperature").asDouble()).isEqualTo(0.35);
            assertThat(body.path("top_p").asDouble()).isEqualTo(0.8);
            assertThat(body.path("max_tokens").asInt()).isEqualTo(321);
            assertThat(body.path("seed").asLong()).isEqualTo(42);
            assertThat(body.has("top_k")).isFalse();
        }
    }

    @Test
    void aCharactersOwnSettingChangedOnItsDashboardIsHonouredByItsNextReply() {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            SimGuild guild = app.simulator.world().createGuild("Settings Guild");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            SimTextChannel channel = app.simulator.world().createTextChannel(guild, "dials");
            User owner = app.verified(alice);
            app.repos.personalities().create(owner.id(), PersonalityDraft.of("Cal", "cal", "Cal counts.", "exact")
                    .withPublic(true));
            app.model.enqueue(FakeReply.text("One."), FakeReply.text("Two."));

            app.simulator.users().post(alice, channel, "@Cal count once");
            assertThat(app.awaitPosts(channel, 1).get(0).content()).contains("-# Model:");

            SimMessage dashboard = ephemeral(app, app.simulator.users().slashCommand(alice, channel,
                    "character settings", Map.of("character", "cal")), t -> t.contains("⚙️ Settings: Cal"));
            assertThat(text(dashboard)).contains("Model footer: **on** (built-in)");
            app.simulator.users().selectOptions(alice, dashboard, "character-settings::menu::cal", "edit-display");
            app.simulator.users().submitModal(alice, dashboard, "character-settings::modal::cal::display",
                    Map.of("showModelFooter", "off"));
            await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeral(dashboard.id())
                    .map(DashboardCommandsTest::text).orElse(""), t -> t.contains("Model footer: **off** (set here)"));

            app.simulator.users().post(alice, channel, "@Cal count twice");
            List<BotActivity.Posted> posts = app.awaitPosts(channel, 2);

            assertThat(posts.get(1).content()).isEqualTo("Two.").doesNotContain("Model:");
        }
    }

    private static RecordedRequest lastChat(DiscordApp app) {
        return app.model.requests().stream().filter(r -> r.method().equals("POST")).reduce((a, b) -> b).orElseThrow();
    }

    private static BotActivity.InteractionAnswered answer(DiscordApp app, long id) {
        return await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.answer(id), Optional::isPresent)
                .orElseThrow();
    }

    /** The interaction's latest ephemeral message once its text satisfies {@code condition}, in its current state. */
    private static SimMessage ephemeral(DiscordApp app, long id, Predicate<String> condition) {
        return await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeralsFor(id).stream()
                .map(m -> app.simulator.ephemeral(m.id()).orElse(m)).filter(m -> condition.test(text(m)))
                .reduce((a, b) -> b), Optional::isPresent).orElseThrow();
    }

    /** Content plus every embed's title, description and fields. */
    private static String text(SimMessage message) {
        StringBuilder text = new StringBuilder(message.content());
        message.embeds().forEach(e -> {
            text.append('\n').append(e.path("title").asText("")).append('\n').append(e.path("description").asText(""));
            e.path("fields").forEach(f -> text.append('\n').append(f.path("name").asText("")).append('\n')
                    .append(f.path("value").asText("")));
        });
        return text.toString().strip();
    }
}
