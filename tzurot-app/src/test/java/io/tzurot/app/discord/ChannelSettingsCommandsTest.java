package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel tier and the user's own tier of the settings cascade through the whole product (real engine, fake
 * model server, simulator): a moderator's {@code /channel settings} change shapes the next reply in that channel
 * and its threads (history read, model footer), a member without Manage Messages is refused, and a user's
 * {@code /settings defaults edit} beats the channel for their own replies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelSettingsCommandsTest {

    private static final Pattern HISTORY_MESSAGE = Pattern.compile("<message from=");

    @TempDir
    static Path dir;

    private DiscordApp app;
    private SimGuild guild;
    private SimUser mod;
    private SimUser alice;

    @BeforeAll
    void start() {
        app = DiscordApp.start(dir, Map.of());
        app.model.respondWith(request -> FakeReply.text("Noted: " + request.lastUserText()));
        guild = app.simulator.world().createGuild("Tuned Guild");
        mod = app.simulator.world().createMember(guild, "mod");
        app.simulator.world().setMemberRoles(guild, mod,
                app.simulator.world().createRole(guild, "moderators", Permissions.MANAGE_MESSAGES));
        alice = app.simulator.world().createMember(guild, "alice");
        app.verified(mod);
        app.verified(alice);
        app.character("Ada", "ada");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aModeratorsLowerMaxMessagesShapesTheNextReplyAndOthersAreRefused() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "short-memory");
        for (String word : List.of("apple", "banana", "cherry")) {
            ask(alice, channel, "@Ada remember " + word);
        }
        String before = DiscordScene.systemPrompt(ask(alice, channel, "@Ada what fruits?"));
        assertThat(before).contains("remember apple").contains("remember cherry");
        assertThat(historyLines(before)).isGreaterThanOrEqualTo(6);

        String refused = text(dashboard(alice, channel, "channel settings"));
        assertThat(refused).startsWith("❌ Only members with the Manage Messages permission");

        SimMessage dashboard = dashboard(mod, channel, "channel settings");
        String id = Long.toString(channel.id());
        app.simulator.users().submitModal(mod, dashboard, "chsettings::modal::" + id + "::history",
                Map.of("maxMessages", "2", "maxAge", "", "maxImages", ""));
        awaitText(dashboard, t -> t.contains("Max messages: **2** (set here)"));

        String after = DiscordScene.systemPrompt(ask(alice, channel, "@Ada and now?"));
        // maxMessages bounds the stored turns and the channel's own recent messages alike (spec/discord.md §1.9)
        assertThat(historyLines(after)).isLessThanOrEqualTo(2 * 2).isLessThan(historyLines(before));
        assertThat(after).doesNotContain("remember apple").contains("what fruits?");
        assertThat(app.repos.channels().configOverrides(id).get(SettingKey.MAX_MESSAGES)).isEqualTo(TierValue.of(2));
        // the reply's diagnostic record names the channel as the tier that decided
        SimMessage question = app.simulator.messagesIn(channel).stream()
                .filter(m -> m.content().equals("@Ada and now?")).findFirst().orElseThrow();
        String record = await().atMost(DiscordApp.PATIENCE).until(() -> app.repos.diagnostics()
                .findByTriggerMessageId(Long.toString(question.id())), l -> !l.isEmpty()).get(0).dataJson();
        assertThat(record).containsPattern("\"settings\\.maxMessages\":\\{\"value\":\"2\",\"tier\":\"channel\"");
    }

    @Test
    void theChannelsFooterChoiceReachesItsThreadsAndAUsersOwnDefaultBeatsIt() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "no-footer");
        SimThreadChannel thread = app.simulator.world().createThread(channel, "aside", alice);
        assertThat(post(alice, channel, "@Ada first")).contains("-# Model:");

        SimMessage dashboard = dashboard(mod, thread, "channel settings"); // from a thread: its parent's tier
        String id = Long.toString(channel.id());
        app.simulator.users().submitModal(mod, dashboard, "chsettings::modal::" + id + "::display",
                Map.of("showModelFooter", "off"));
        awaitText(dashboard, t -> t.contains("Model footer: **off** (set here)"));

        assertThat(post(alice, channel, "@Ada second")).contains("second").doesNotContain("-# Model:");
        assertThat(post(alice, thread, "@Ada in the thread")).doesNotContain("-# Model:");
        assertThat(post(mod, channel, "@Ada for the mod")).doesNotContain("-# Model:");

        SimMessage mine = dashboard(alice, channel, "settings defaults edit");
        app.simulator.users().submitModal(alice, mine, "mysettings::modal::me::display",
                Map.of("showModelFooter", "on"));
        awaitText(mine, t -> t.contains("Model footer: **on** (set here)"));

        assertThat(post(alice, channel, "@Ada third")).contains("-# Model:"); // her tier beats the channel's
        assertThat(post(mod, channel, "@Ada still hidden")).doesNotContain("-# Model:"); // his does not exist
    }

    /** The messages of the prompt's chat log (the history the reply read). */
    private static long historyLines(String systemPrompt) {
        int start = systemPrompt.indexOf("<chat_log>");
        int end = systemPrompt.indexOf("</chat_log>");
        return start < 0 || end < start ? 0 : HISTORY_MESSAGE.matcher(systemPrompt.substring(start, end)).results().count();
    }

    /** Posts and returns the text of the bot's reply. */
    private String post(SimUser user, SimChannel channel, String text) {
        int before = app.postsIn(channel).size();
        app.simulator.users().post(user, channel, text);
        List<BotActivity.Posted> posts = app.awaitPosts(channel, before + 1);
        return posts.get(before).content();
    }

    /** Posts a mention and returns the chat request the model received for it. */
    private RecordedRequest ask(SimUser user, SimChannel channel, String text) {
        post(user, channel, text);
        String words = text.replace("@Ada ", "");
        return app.model.requests().stream().filter(r -> r.method().equals("POST"))
                .filter(r -> r.lastUserText().contains(words)).reduce((a, b) -> b).orElseThrow();
    }

    /** Runs a command and returns its ephemeral answer once it has text. */
    private SimMessage dashboard(SimUser user, SimChannel channel, String path) {
        long interaction = app.simulator.users().slashCommand(user, channel, path, Map.of());
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(
                () -> app.simulator.ephemeralsFor(interaction), l -> !l.isEmpty() && !text(l.get(l.size() - 1)).isEmpty());
        SimMessage last = answers.get(answers.size() - 1);
        return app.simulator.ephemeral(last.id()).orElse(last);
    }

    private void awaitText(SimMessage message, java.util.function.Predicate<String> condition) {
        await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.ephemeral(message.id()),
                m -> m.isPresent() && condition.test(text(m.get())));
    }

    /** Content plus the embeds' title, description and fields. */
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
