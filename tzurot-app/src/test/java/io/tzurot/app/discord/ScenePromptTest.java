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
 * Characters sharing a channel through the whole product: when both answer one message (list strategy, in
 * activation order), Bob's prompt shows Lilith's reply to it by her name as another participant's turn (never as
 * his own), lists her among the participants with a blurb, and shows the person's message once. Every character
 * activated in the channel is a participant, even before it has spoken.
 */
class ScenePromptTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Scene Guild").characters("Lilith", "Bob", "Cyd");

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

    @Test
    void everyCharacterPresentIsAParticipantBeforeItHasSpoken() {
        SimTextChannel channel = scene.channel("salon");
        DiscordApp app = scene.app;
        Personality lilith = scene.character("Lilith");
        Personality bob = scene.character("Bob");
        Personality cyd = scene.character("Cyd");
        String channelId = Long.toString(channel.id());
        String guildId = Long.toString(scene.guild.id());
        for (Personality p : java.util.List.of(lilith, bob, cyd)) {
            app.repos.channels().activate(channelId, guildId, p.id(), null, 5);
        }
        app.repos.channels().setSpeakerStrategy(channelId, guildId, SpeakerStrategy.MANUAL);
        app.model.enqueue(FakeReply.text("Welcome to the salon."), FakeReply.text("Thank you, Lilith."));

        // Lilith speaks first: Bob and Cyd, present but silent so far, are already among her participants
        app.simulator.users().post(scene.alice, channel, "@lilith open the salon");
        assertThat(app.awaitPosts(channel, 1).get(0).content()).startsWith("Welcome to the salon.");
        String hers = DiscordScene.systemPrompt(scene.lastChat());
        assertThat(hers).contains("<role>You are Lilith.</role>")
                .contains(participant(bob)).contains(participant(cyd)).doesNotContain(participant(lilith))
                .contains("<about source=\"user_input\">Bob is a librarian.</about>");

        // only Lilith has spoken: Bob's prompt lists both others present, and holds her turn under her name
        app.simulator.users().post(scene.alice, channel, "@bob say thanks");
        assertThat(app.awaitPosts(channel, 2).get(1).content()).startsWith("Thank you, Lilith.");
        String his = DiscordScene.systemPrompt(scene.lastChat());
        assertThat(his).contains("<role>You are Bob.</role>")
                .contains(participant(lilith)).contains(participant(cyd)).doesNotContain(participant(bob));
        assertThat(his.indexOf(participant(lilith))).isLessThan(his.indexOf(participant(cyd)));
        assertThat(his).containsPattern(Pattern.quote("<message from=\"Lilith\" from_id=\"" + lilith.id()
                + "\" role=\"user\"") + " t=\"[^\"]+\">" + Pattern.quote("Welcome to the salon.</message>"));
    }

    private static String participant(Personality p) {
        return "<participant id=\"" + p.id() + "\" character=\"true\">\n<name>" + p.name() + "</name>";
    }
}
