package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reasoning block is posted before the reply when the preset's show-thinking is on (spec/discord.md §1.12). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordThinkingTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Thinking Room").characters("Quiet");

    @BeforeAll
    void start() {
        User owner = scene.app.verified(scene.alice);
        Personality sage = scene.app.character("Sage", "sage");
        AdvancedParameters show = new AdvancedParameters(null, null, null, null, null, null, null, null, null, null,
                null, null, null, true, null, null, null, null);
        Preset preset = scene.app.repos.presets().create(owner.id(), PresetDraft.of("thinking", "test/model")
                .withGlobal(true).withAdvancedParameters(show));
        scene.app.repos.personalities().setDefaultPreset(sage.id(), preset.id());
    }

    @Test
    void theReasoningIsPostedFirstBehindASpoilerWhenThePresetShowsThinking() {
        SimTextChannel channel = scene.channel("thinking");
        scene.app.model.enqueue(FakeReply.text("Forty-two.").withReasoning("Count the lanterns, then add the doors.",
                FakeReply.ReasoningField.REASONING));

        scene.app.simulator.users().post(scene.alice, channel, "@Sage how many?");

        List<BotActivity.Posted> posts = scene.app.awaitPosts(channel, 2);
        assertThat(posts.get(0).content()).isEqualTo("\uD83D\uDCAD **Thinking:**\n||Count the lanterns, then add the doors.||");
        assertThat(posts.get(1).content()).startsWith("Forty-two.");
    }

    @Test
    void noReasoningIsShownWhenThePresetDoesNotAskForIt() {
        SimTextChannel channel = scene.channel("quiet");
        scene.app.model.enqueue(FakeReply.text("Seven.").withReasoning("Secret steps.", FakeReply.ReasoningField.REASONING));

        scene.app.simulator.users().post(scene.alice, channel, "@Quiet how many?");

        List<BotActivity.Posted> posts = scene.app.awaitPosts(channel, 1);
        assertThat(posts.get(0).content()).startsWith("Seven.").doesNotContain("Secret steps");
        assertThat(scene.app.postsIn(channel)).hasSize(1);
    }
}
