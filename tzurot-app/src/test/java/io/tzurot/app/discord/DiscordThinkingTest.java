package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The reasoning block is posted before the reply when the preset's show-thinking is on (spec/discord.md §1.12). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordThinkingTest {

    @TempDir
    static Path dir;

    private DiscordApp app;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void start() {
        app = DiscordApp.start(dir, Map.of());
        guild = app.simulator.world().createGuild("Thinking Room");
        alice = app.simulator.world().createMember(guild, "alice");
        User owner = app.verified(alice);
        Personality sage = app.character("Sage", "sage");
        AdvancedParameters show = new AdvancedParameters(null, null, null, null, null, null, null, null, null, null,
                null, null, null, true, null, null, null, null);
        Preset preset = app.repos.presets().create(owner.id(), PresetDraft.of("thinking", "test/model")
                .withGlobal(true).withAdvancedParameters(show));
        app.repos.personalities().setDefaultPreset(sage.id(), preset.id());
        app.character("Quiet", "quiet");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theReasoningIsPostedFirstBehindASpoilerWhenThePresetShowsThinking() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "thinking");
        app.model.enqueue(FakeReply.text("Forty-two.").withReasoning("Count the lanterns, then add the doors.",
                FakeReply.ReasoningField.REASONING));

        app.simulator.users().post(alice, channel, "@Sage how many?");

        List<BotActivity.Posted> posts = app.awaitPosts(channel, 2);
        assertThat(posts.get(0).content()).isEqualTo("\uD83D\uDCAD **Thinking:**\n||Count the lanterns, then add the doors.||");
        assertThat(posts.get(1).content()).startsWith("Forty-two.");
    }

    @Test
    void noReasoningIsShownWhenThePresetDoesNotAskForIt() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "quiet");
        app.model.enqueue(FakeReply.text("Seven.").withReasoning("Secret steps.", FakeReply.ReasoningField.REASONING));

        app.simulator.users().post(alice, channel, "@Quiet how many?");

        List<BotActivity.Posted> posts = app.awaitPosts(channel, 1);
        assertThat(posts.get(0).content()).startsWith("Seven.").doesNotContain("Secret steps");
        assertThat(app.postsIn(channel)).hasSize(1);
    }
}
