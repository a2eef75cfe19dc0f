package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.channel.SpeakerStrategy;
import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two characters sharing a channel through the whole product: when both answer one message (list strategy, in
 * activation order), Bob's prompt shows Lilith's reply to it by her name as another participant's turn (never as
 * his own), lists her among the participants with a blurb, and shows the person's message once.
 */
class ScenePromptTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Scene Guild").characters("Lilith", "Bob");

    @Test
    void bobsPromptHoldsLilithsLastTurnAttributedToHer() {
        SimTextChannel channel = scene.channel("parlour");
        DiscordApp app = scene.app;
        Personality lilith = scene.character("Lilith");
        Personality bob = scene.character("Bob");
        String channelId = Long.toString(channel.id());
        String guildId = Long.toString(scene.guild.id());
        app.repos.channels().activate(channelId, guildId, lilith.id(), null, 5);
        app.repos.channels().activate(channelId, guildId, bob.id(), null, 5);
        app.repos.channels().setSpeakerStrategy(channelId, guildId, SpeakerStrategy.LIST);
        app.model.enqueue(FakeReply.text("The tide is turning, friends."), FakeReply.text("Bob agrees about the tide."));

        app.simulator.users().post(scene.alice, channel, "what news of the sea?");

        assertThat(app.awaitPosts(channel, 2)).extracting(p -> p.content().split("\n")[0])
                .containsExactly("The tide is turning, friends.", "Bob agrees about the tide.");
        String prompt = DiscordScene.systemPrompt(scene.lastChat());
        assertThat(prompt).contains("<role>You are Bob.</role>").doesNotContain("You are Lilith");
        assertThat(prompt).containsPattern(Pattern.quote("<message from=\"Lilith\" from_id=\"" + lilith.id()
                + "\" role=\"user\"") + " t=\"[^\"]+\">" + Pattern.quote("The tide is turning, friends.</message>"));
        assertThat(prompt).doesNotContain("role=\"assistant\" t=")
                .contains("<participant id=\"" + lilith.id() + "\" character=\"true\">\n<name>Lilith</name>")
                .contains("<about source=\"user_input\">Lilith is a librarian.</about>")
                .contains("character=\"true\" are other characters sharing this channel");
        // the person's message is the one being answered: it is not in Bob's history a second time (Lilith's copy)
        assertThat(Pattern.compile(">what news of the sea\\?</message>").matcher(prompt).results().count()).isZero();
    }
}
