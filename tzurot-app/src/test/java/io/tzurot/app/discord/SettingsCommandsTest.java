package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code /settings} through the whole product (real engine, fake model server, simulator): a time zone changes
 * the prompt's date line; a stored API key is checked with the provider, never echoed or logged, and the next
 * reply uses it instead of the operator's key.
 */
class SettingsCommandsTest {

    private static final Pattern DATETIME = Pattern.compile("<datetime>([^<]*)</datetime>");

    @TempDir
    Path dir;

    @Test
    void aTimeZoneChangesThePromptsDateLine() {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            Scene scene = scene(app);
            app.model.enqueue(FakeReply.text("Hello."), FakeReply.text("Hello again."));

            assertThat(datetime(ask(app, scene, "@Ada what time is it?"))).endsWith(" UTC");
            String set = ephemeral(app, app.simulator.users().slashCommand(scene.alice, scene.channel,
                    "settings timezone set", Map.of("timezone", "Asia/Tokyo")));
            assertThat(set).startsWith("✅ Your time zone is now **Asia/Tokyo**");

            assertThat(datetime(ask(app, scene, "@Ada and now?"))).endsWith(" JST");
            assertThat(ephemeral(app, app.simulator.users().slashCommand(scene.alice, scene.channel,
                    "settings timezone view", Map.of()))).startsWith("🕒 Your time zone is **Asia/Tokyo**");
            assertThat(ephemeral(app, app.simulator.users().slashCommand(scene.alice, scene.channel,
                    "settings timezone set", Map.of("timezone", "Mars/Olympus"))))
                    .startsWith("❌").contains("Mars/Olympus");
        }
    }

    @Test
    void aStoredKeyIsCheckedNeverEchoedOrLoggedAndUsedForTheNextReply() {
        String key = "sk-or-v1-alice-very-secret-0123456789";
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        logs.start();
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            Scene scene = scene(app);
            app.model.enqueue(FakeReply.text("Operator paid for this."), FakeReply.text("Alice paid for this."));
            assertThat(ask(app, scene, "@Ada first").header("Authorization")).contains("Bearer " + DiscordApp.LLM_KEY);

            long command = app.simulator.users().slashCommand(scene.alice, scene.channel, "settings apikey set",
                    Map.of("provider", "openrouter"));
            BotActivity.InteractionAnswered modal = await().atMost(DiscordApp.PATIENCE)
                    .until(() -> app.simulator.answer(command), Optional::isPresent).orElseThrow();
            assertThat(modal.callbackType()).isEqualTo(9);
            assertThat(modal.data().path("custom_id").asText()).isEqualTo("settings::apikey::openrouter");
            // from now on the provider accepts only Alice's key: a wrong one is refused and not stored
            app.model.requireApiKey(key);
            long wrong = app.simulator.users().submitModal(scene.alice, scene.channel, "settings::apikey::openrouter",
                    Map.of("key", "sk-or-v1-wrong-key-42"));
            assertThat(ephemeral(app, wrong)).startsWith("❌ The provider refused this key").contains("not stored")
                    .doesNotContain("sk-or-v1-wrong-key-42");
            long submit = app.simulator.users().submitModal(scene.alice, scene.channel, "settings::apikey::openrouter",
                    Map.of("key", key));
            String stored = ephemeral(app, submit);
            assertThat(stored).startsWith("✅ Your openrouter key works and is stored encrypted").doesNotContain(key);

            assertThat(ask(app, scene, "@Ada second").header("Authorization")).contains("Bearer " + key);
            String browse = ephemeral(app, app.simulator.users().slashCommand(scene.alice, scene.channel,
                    "settings apikey browse", Map.of()));
            assertThat(browse).contains("**openrouter**").doesNotContain(key).doesNotContain("sk-or");
            assertThat(ephemeral(app, app.simulator.users().slashCommand(scene.alice, scene.channel,
                    "settings apikey test", Map.of("provider", "openrouter")))).isEqualTo("✅ Your key works.");

            List<SimMessage> everything = app.simulator.messagesIn(scene.channel);
            assertThat(everything).extracting(SimMessage::content).noneMatch(c -> c.contains(key));
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains(key) || m.contains("sk-or-v1-wrong-key-42"));
        } finally {
            root.detachAppender(logs);
        }
    }

    private record Scene(SimUser alice, SimTextChannel channel) {
    }

    private static Scene scene(DiscordApp app) {
        SimGuild guild = app.simulator.world().createGuild("Settings Guild");
        SimUser alice = app.simulator.world().createMember(guild, "alice");
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "settings");
        app.character("Ada", "ada");
        app.verified(alice);
        return new Scene(alice, channel);
    }

    /** Posts a mention and returns the chat request the model received for it. */
    private static RecordedRequest ask(DiscordApp app, Scene scene, String text) {
        int before = app.postsIn(scene.channel).size();
        app.simulator.users().post(scene.alice, scene.channel, text);
        app.awaitPosts(scene.channel, before + 1);
        String words = text.replace("@Ada ", "");
        return app.model.requests().stream().filter(r -> r.method().equals("POST"))
                .filter(r -> r.lastUserText().contains(words)).reduce((a, b) -> b).orElseThrow();
    }

    private static String datetime(RecordedRequest request) {
        Matcher m = DATETIME.matcher(request.body().path("messages").path(0).path("content").asText());
        assertThat(m.find()).as("the system prompt has a <datetime> line").isTrue();
        return m.group(1);
    }

    private static String ephemeral(DiscordApp app, long interaction) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeralsFor(
                interaction), l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }
}
